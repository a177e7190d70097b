package io.driftwatch.alerts;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.environment.InvalidEnvironmentException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Where alerts may go: https webhooks on the allowed hosts only (DRIFTWATCH_ALERTS_ALLOWED_HOSTS). */
@ApplicationScoped
public class AlertDestinations {

  private final List<String> allowedHosts;
  private final boolean allowPlainHttp;

  public AlertDestinations(DriftwatchConfig config) {
    this.allowedHosts = config.alerts().allowedHosts().stream().map(host -> host.strip().toLowerCase(Locale.ROOT)).toList();
    this.allowPlainHttp = config.alerts().allowPlainHttp();
  }

  /** @throws InvalidEnvironmentException naming what is not allowed (never echoing the secret URL) */
  public URI check(String url) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidEnvironmentException("the alert webhook is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowPlainHttp && scheme.equals("http"))) {
      throw new InvalidEnvironmentException("the alert webhook must be an https URL");
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (!allowedHosts.contains(host)) {
      throw new InvalidEnvironmentException("the alert webhook host `" + host + "` is not allowed; allowed hosts: "
          + String.join(", ", allowedHosts) + " (DRIFTWATCH_ALERTS_ALLOWED_HOSTS)");
    }
    return uri;
  }
}
