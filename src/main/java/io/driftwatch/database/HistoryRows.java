package io.driftwatch.database;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.history.HistoryRow;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What every dialect's reader makes of the rows it reads the same way: {@code _prisma_migrations}
 * (its columns are Prisma's on every provider; only how a time is stored differs) and the row
 * estimates of the live tables.
 */
public final class HistoryRows {

  /** The history table's columns, as Prisma names them on every provider. */
  public static final String COLUMNS =
      "id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at,"
          + " applied_steps_count";

  private HistoryRows() {}

  /**
   * The rows in the order read.
   *
   * @param time a time column of a row as an instant (null when NULL)
   */
  public static List<HistoryRow> of(RowSet<Row> result, BiFunction<Row, String, Instant> time) {
    List<HistoryRow> rows = new ArrayList<>(result.size());
    for (Row row : result) {
      rows.add(
          new HistoryRow(
              row.getString("id"),
              row.getString("checksum"),
              time.apply(row, "finished_at"),
              row.getString("migration_name"),
              row.getString("logs"),
              time.apply(row, "rolled_back_at"),
              time.apply(row, "started_at"),
              row.getInteger("applied_steps_count")));
    }
    return rows;
  }

  /** Estimates from rows of {@code schema_name}, {@code name} and {@code row_count} (null: -1). */
  public static TableRows estimates(RowSet<Row> rows) {
    Map<QualifiedName, Long> estimates = new HashMap<>();
    for (Row row : rows) {
      Long count = row.getLong("row_count");
      estimates.put(
          QualifiedName.of(row.getString("schema_name"), row.getString("name")),
          count == null ? -1L : count);
    }
    return new TableRows(estimates);
  }
}
