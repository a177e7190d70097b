package io.driftwatch.testing;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * The MySQL or MariaDB server tests run against, found once per JVM in this order: an explicit URL
 * (DRIFTWATCH_TEST_MYSQL_URL, e.g. {@code mysql://root:pw@db:3306}); the local server on
 * 127.0.0.1:3306 (root, no password: MariaDB on every machine here); Testcontainers MySQL 8 when
 * Docker runs. Tests create their own databases on it and drop them.
 */
public final class TestMySql {

  private static Server server;

  /** Databases this JVM created and has not dropped yet: dropped at exit. */
  private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

  private TestMySql() {}

  /** Where a server is and how to log in as a user that may create databases. */
  public record Server(String host, int port, String user, String password, String origin) {

    public Connection connect(String database) throws SQLException {
      return TestMySql.connect(host, port, database, user, password);
    }

    /** A Prisma DATABASE_URL for a database on this server. */
    public String prismaUrl(String database) {
      String credentials = password.isEmpty() ? user : user + ":" + password;
      return "mysql://" + credentials + "@" + host + ":" + port + "/" + database;
    }

    /** Creates a database with a unique name starting with the prefix. */
    public String createDatabase(String prefix) {
      String name =
          (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
              .toLowerCase(Locale.ROOT);
      execute(
          "CREATE DATABASE `"
              + name
              + "` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      CREATED.add(name);
      return name;
    }

    public void dropDatabase(String name) {
      execute("DROP DATABASE IF EXISTS `" + name + "`");
      CREATED.remove(name);
    }

    /** Whether the server is MariaDB (else MySQL). */
    public boolean mariaDb() {
      try (Connection connection = connect("");
          Statement statement = connection.createStatement();
          var rows = statement.executeQuery("SELECT VERSION()")) {
        rows.next();
        return rows.getString(1).contains("MariaDB");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    public void execute(String sql) {
      try (Connection connection = connect("");
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(sql + " failed on the test server (" + origin + ")", e);
      }
    }
  }

  /**
   * A JDBC connection through the MariaDB driver itself, not DriverManager: under a Quarkus test
   * profile's class loader DriverManager may not see the driver. The session is UTC: the
   * DATETIME(3) values tests write are UTC, as Prisma's are.
   */
  public static Connection connect(
      String host, int port, String database, String user, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    Connection connection =
        new org.mariadb.jdbc.Driver()
            .connect(
                "jdbc:mariadb://"
                    + host
                    + ":"
                    + port
                    + "/"
                    + database
                    + "?allowMultiQueries=true&sessionVariables=time_zone='+00:00'",
                properties);
    if (connection == null) {
      throw new SQLException("the MariaDB driver did not take the URL");
    }
    return connection;
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
                  "test-mysql-databases-drop"));
    }
    return server;
  }

  private static Server find() {
    String explicit = System.getenv("DRIFTWATCH_TEST_MYSQL_URL");
    if (explicit != null && !explicit.isBlank()) {
      URI uri = URI.create(explicit.replaceFirst("^jdbc:", ""));
      String[] credentials =
          uri.getUserInfo() == null ? new String[] {"root"} : uri.getUserInfo().split(":", 2);
      return new Server(
          uri.getHost(),
          uri.getPort() < 0 ? 3306 : uri.getPort(),
          credentials[0],
          credentials.length > 1 ? credentials[1] : "",
          "DRIFTWATCH_TEST_MYSQL_URL");
    }
    Server local = new Server("127.0.0.1", 3306, "root", "", "local server on 127.0.0.1:3306");
    SQLException localFailure;
    try (Connection ignored = local.connect("")) {
      return local;
    } catch (SQLException e) {
      localFailure = e; // no local server: try Docker
    }
    if (dockerAvailable()) {
      MySQLContainer container = new MySQLContainer("mysql:8.4");
      container.start();
      return new Server(
          container.getHost(),
          container.getFirstMappedPort(),
          "root",
          container.getPassword(),
          "Testcontainers MySQL 8.4");
    }
    throw new IllegalStateException(
        "no MySQL or MariaDB for the tests: none at 127.0.0.1:3306 (start it with "
            + "'start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd'), "
            + "no DRIFTWATCH_TEST_MYSQL_URL and no Docker",
        localFailure);
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (Throwable e) {
      return false;
    }
  }
}
