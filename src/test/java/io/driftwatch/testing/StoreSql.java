package io.driftwatch.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Statements a test sends to the running service's own store database. */
public final class StoreSql {

  private StoreSql() {}

  public static Connection connect() throws SQLException {
    return TestPostgres.server().connect(StoreDatabase.current());
  }

  /** The number the query counts. */
  public static int count(String sql) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public static void execute(String sql) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public static UUID environmentId(String name) {
    try (Connection connection = connect();
        var select = connection.prepareStatement("SELECT id FROM environment WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("no environment " + name);
        }
        return rows.getObject(1, UUID.class);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
