package io.driftwatch.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server tests run against, found once per JVM in this order: an explicit URL
 * (DRIFTWATCH_TEST_POSTGRES_URL, e.g. {@code postgresql://postgres:pw@db:5432/postgres}); the local
 * server on 127.0.0.1:5432; Testcontainers when Docker runs; an embedded PostgreSQL. Tests create
 * their own databases on it and drop them.
 */
public final class TestPostgres {

  private static Server server;

  /**
   * Databases this JVM created and has not dropped yet: dropped at exit, whatever a test forgot.
   */
  private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

  private TestPostgres() {}

  /** Where a server is and how to log in as a user that may create databases. */
  public record Server(String host, int port, String user, String password, String origin) {

    public String jdbcUrl(String database) {
      return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
      return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** A Prisma DATABASE_URL for a database on this server. */
    public String prismaUrl(String database, String schema) {
      String credentials = password.isEmpty() ? user : user + ":" + password;
      return "postgresql://"
          + credentials
          + "@"
          + host
          + ":"
          + port
          + "/"
          + database
          + "?schema="
          + schema;
    }

    public Connection connect(String database) throws SQLException {
      return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /** Creates a database with a unique name starting with the prefix. */
    public String createDatabase(String prefix) {
      String name =
          (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
              .toLowerCase(Locale.ROOT);
      execute("CREATE DATABASE " + name);
      CREATED.add(name);
      return name;
    }

    public void dropDatabase(String name) {
      execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      CREATED.remove(name);
    }

    private void execute(String sql) {
      try (Connection connection = connect("postgres");
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(sql + " failed on the test server (" + origin + ")", e);
      }
    }
  }

  public static synchronized Server server() {
    if (server == null) {
      server = find();
      Server found = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () ->
                      List.copyOf(CREATED)
                          .forEach(
                              name -> {
                                try {
                                  found.dropDatabase(name);
                                } catch (RuntimeException e) {
                                  // the server may already be gone
                                }
                              }),
                  "test-databases-drop"));
    }
    return server;
  }

  private static Server find() {
    String explicit = System.getenv("DRIFTWATCH_TEST_POSTGRES_URL");
    if (explicit != null && !explicit.isBlank()) {
      URI uri = URI.create(explicit.replaceFirst("^jdbc:", ""));
      String[] credentials =
          uri.getUserInfo() == null ? new String[] {"postgres"} : uri.getUserInfo().split(":", 2);
      return new Server(
          uri.getHost(),
          uri.getPort() < 0 ? 5432 : uri.getPort(),
          credentials[0],
          credentials.length > 1 ? credentials[1] : "",
          "DRIFTWATCH_TEST_POSTGRES_URL");
    }
    Server local = new Server("127.0.0.1", 5432, "postgres", "", "local server on 127.0.0.1:5432");
    try (Connection ignored = local.connect("postgres")) {
      return local;
    } catch (SQLException e) {
      // no local server: try the next option
    }
    if (dockerAvailable()) {
      PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
      container.start();
      return new Server(
          container.getHost(),
          container.getFirstMappedPort(),
          container.getUsername(),
          container.getPassword(),
          "Testcontainers");
    }
    try {
      EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      embedded.close();
                    } catch (Exception ignored) {
                      // the JVM is exiting
                    }
                  }));
      return new Server("localhost", embedded.getPort(), "postgres", "", "embedded PostgreSQL");
    } catch (Exception e) {
      throw new IllegalStateException(
          "no PostgreSQL for the tests: none at 127.0.0.1:5432, no Docker, and the "
              + "embedded one did not start",
          e);
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (Throwable e) {
      return false;
    }
  }
}
