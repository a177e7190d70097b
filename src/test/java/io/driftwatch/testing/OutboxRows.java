package io.driftwatch.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the store's alert outbox holds for some environments, one value per message, oldest first.
 */
public final class OutboxRows {

  private OutboxRows() {}

  /**
   * {@code expression} over each of the environments' {@code alert_outbox} rows: {@code
   * "attempts::text"}.
   */
  public static List<String> column(Connection store, List<String> environments, String expression)
      throws SQLException {
    try (PreparedStatement query =
        store.prepareStatement(
            "SELECT "
                + expression
                + " FROM alert_outbox WHERE environment = ANY (?) ORDER BY created_at, id")) {
      query.setArray(1, store.createArrayOf("text", environments.toArray()));
      List<String> values = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }
}
