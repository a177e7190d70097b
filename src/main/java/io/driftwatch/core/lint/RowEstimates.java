package io.driftwatch.core.lint;

import io.driftwatch.core.sql.MaskedSql;
import java.util.HashMap;
import java.util.Map;

/**
 * The live tables' estimated rows, keyed as the lint looks them up ({@link MaskedSql#catalogKey}):
 * made once per audit, not once per pending migration (ten thousand migrations over a thousand
 * tables made ten million entries).
 *
 * @param byKey estimated rows by lookup key
 */
public record RowEstimates(Map<String, Long> byKey) {

  public static final RowEstimates NONE = new RowEstimates(Map.of());

  public RowEstimates {
    byKey = Map.copyOf(byKey);
  }

  /**
   * @param byCatalogName estimated rows by table name as the catalog stores it (see {@link
   *     MigrationLint})
   */
  public static RowEstimates of(Map<String, Long> byCatalogName) {
    Map<String, Long> byKey = new HashMap<>();
    byCatalogName.forEach((table, rows) -> byKey.put(MaskedSql.catalogKey(table), rows));
    return new RowEstimates(byKey);
  }
}
