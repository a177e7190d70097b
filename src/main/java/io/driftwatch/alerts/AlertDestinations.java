package io.driftwatch.alerts;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.environment.InvalidEnvironmentException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Where alerts may go: https webhooks on the allowed hosts (DRIFTWATCH_ALERTS_ALLOWED_HOSTS) and
 * ports (DRIFTWATCH_ALERTS_ALLOWED_PORTS, 443 by default) only, so a webhook cannot be aimed at
 * another service of an allowed host.
 */
@Startup // a wrong DRIFTWATCH_ALERTS_ALLOWED_PORTS stops the start-up, not the first alert
@ApplicationScoped
public class AlertDestinations {

  private final List<String> allowedHosts;
  private final boolean allowPlainHttp;
  private final List<PortRange> allowedPorts;

  public AlertDestinations(DriftwatchConfig config) {
    this.allowedPorts = config.alerts().allowedPorts().stream().map(PortRange::parse).toList();
    this.allowedHosts =
        config.alerts().allowedHosts().stream()
            .map(host -> host.strip().toLowerCase(Locale.ROOT))
            .toList();
    this.allowPlainHttp = config.alerts().allowPlainHttp();
  }

  /**
   * @throws InvalidEnvironmentException naming what is not allowed (never echoing the secret URL)
   */
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
      throw new InvalidEnvironmentException(
          "the alert webhook host `"
              + host
              + "` is not allowed; allowed hosts: "
              + String.join(", ", allowedHosts)
              + " (DRIFTWATCH_ALERTS_ALLOWED_HOSTS)");
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    if (allowedPorts.stream().noneMatch(range -> range.contains(port))) {
      throw new InvalidEnvironmentException(
          "the alert webhook port "
              + port
              + " is not allowed; allowed ports: "
              + String.join(", ", allowedPorts.stream().map(PortRange::toString).toList())
              + " (DRIFTWATCH_ALERTS_ALLOWED_PORTS)");
    }
    return uri;
  }

  /** One entry of DRIFTWATCH_ALERTS_ALLOWED_PORTS: a port, or a range such as 8000-8999. */
  record PortRange(int first, int last) {

    static PortRange parse(String entry) {
      String[] bounds = entry.strip().split("-", 2);
      try {
        PortRange range =
            new PortRange(
                Integer.parseInt(bounds[0].strip()),
                Integer.parseInt(bounds[bounds.length - 1].strip()));
        if (range.first >= 1 && range.first <= range.last && range.last <= 65535) {
          return range;
        }
      } catch (NumberFormatException e) {
        // answered below
      }
      throw new IllegalArgumentException(
          "DRIFTWATCH_ALERTS_ALLOWED_PORTS: `"
              + entry.strip()
              + "` is neither a port "
              + "nor a range such as 8000-8999; list ports from 1 to 65535, comma-separated");
    }

    boolean contains(int port) {
      return port >= first && port <= last;
    }

    @Override
    public String toString() {
      return first == last ? String.valueOf(first) : first + "-" + last;
    }
  }
}
