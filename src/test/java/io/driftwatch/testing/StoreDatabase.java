package io.driftwatch.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** Gives each test run a fresh store database for the service, dropped when the run ends. */
public class StoreDatabase implements QuarkusTestResourceLifecycleManager {

  private static volatile String current;

  private String database;

  /** The store database of the running test application. */
  public static String current() {
    return current;
  }

  /** Runs a statement on the running test application's store, as the test server's superuser. */
  public static void execute(String sql) {
    try (Connection connection = TestPostgres.server().connect(current);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public Map<String, String> start() {
    TestPostgres.Server server = TestPostgres.server();
    database = server.createDatabase("dw_store");
    current = database;
    TestMySql.Server mysql = TestMySql.server();
    return Map.of(
        "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
        "quarkus.datasource.reactive.url", server.reactiveUrl(database),
        "quarkus.datasource.username", server.user(),
        "quarkus.datasource.password", server.password(),
        // MySQL environments replay on the test MySQL server, as its root; the MySQL demo is there.
        "driftwatch.shadow.mysql-url", mysql.prismaUrl("mysql"),
        "driftwatch.demo-mysql-url", mysql.prismaUrl("mysql"));
  }

  @Override
  public void stop() {
    if (database != null) {
      TestPostgres.server().dropDatabase(database);
    }
  }
}
