package io.driftwatch.core.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The live tables' estimated rows ({@code pg_class.reltuples}), keyed by table: the one key the
 * lint, the plan and the data check share. Made once per audit.
 *
 * @param estimates rows by table; a negative estimate (never vacuumed or analyzed) is kept as read
 */
public record TableRows(Map<QualifiedName, Long> estimates) {

  public static final TableRows NONE = new TableRows(Map.of());

  public TableRows {
    estimates = Map.copyOf(estimates);
  }

  /**
   * Estimates of tables named as text: {@code audit.Log}, or {@code User} in the {@code public}
   * schema (how a test or a caller without a catalog names them).
   */
  public static TableRows of(Map<String, Long> byName) {
    Map<QualifiedName, Long> estimates = new HashMap<>();
    byName.forEach(
        (name, rows) -> {
          String table = name.strip();
          int dot = table.indexOf('.');
          estimates.put(
              dot < 0
                  ? QualifiedName.of("public", table)
                  : QualifiedName.of(table.substring(0, dot), table.substring(dot + 1)),
              rows);
        });
    return new TableRows(estimates);
  }

  /** The estimate, if known: a negative one ({@code reltuples = -1}) is unknown, not empty. */
  public OptionalLong of(QualifiedName table) {
    Long rows = estimates.get(table);
    return rows == null || rows < 0 ? OptionalLong.empty() : OptionalLong.of(rows);
  }

  /** The tables estimated to hold rows, as {@code schema.table}, sorted. */
  public Set<String> withRows() {
    Set<String> withRows = new TreeSet<>();
    estimates.forEach(
        (table, rows) -> {
          if (rows > 0) {
            withRows.add(table.toString());
          }
        });
    return withRows;
  }
}
