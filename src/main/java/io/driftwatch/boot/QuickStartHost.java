package io.driftwatch.boot;

import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Where the quick start listens: on loopback only, unless the user chose a host. The quick start
 * generates an admin token and runs on a laptop's embedded store; it should not be reachable from
 * the rest of the network by accident. A production start (a configured datasource) keeps Quarkus'
 * default.
 */
final class QuickStartHost {

  static final String PROPERTY = "quarkus.http.host";
  static final String VARIABLE = "QUARKUS_HTTP_HOST";
  static final String LOOPBACK = "127.0.0.1";

  private static final Logger LOG = Logger.getLogger(QuickStartHost.class);

  private QuickStartHost() {}

  /**
   * Run before Quarkus starts, after {@link EmbeddedStore} decided whether this is the quick start.
   */
  static void apply() {
    choose(
            Boolean.getBoolean("driftwatch.quick-start"),
            System.getProperty(PROPERTY),
            System.getenv(VARIABLE))
        .ifPresent(
            host -> {
              System.setProperty(PROPERTY, host);
              String port =
                  System.getProperty(
                      "quarkus.http.port",
                      System.getenv().getOrDefault("QUARKUS_HTTP_PORT", "8080"));
              LOG.infof(
                  "Quick start: listening on %s only, open http://localhost:%s (set QUARKUS_HTTP_HOST=0.0.0.0 "
                      + "to accept other machines)",
                  host, port);
            });
  }

  /**
   * @param hostProperty the {@code quarkus.http.host} system property, or null
   * @param hostVariable the {@code QUARKUS_HTTP_HOST} environment variable, or null
   * @return the host to set, or empty to leave Quarkus' own setting alone
   */
  static Optional<String> choose(boolean quickStart, String hostProperty, String hostVariable) {
    if (!quickStart || isSet(hostProperty) || isSet(hostVariable)) {
      return Optional.empty();
    }
    return Optional.of(LOOPBACK);
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
