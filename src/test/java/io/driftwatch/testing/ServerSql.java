package io.driftwatch.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Statements a test sends as the test server's superuser, to its {@code postgres} database. */
public final class ServerSql {

  private ServerSql() {}

  /** The number the query counts. */
  public static int count(String sql) {
    try (Connection connection = TestPostgres.server().connect("postgres");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public static void execute(String sql) {
    try (Connection connection = TestPostgres.server().connect("postgres");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
