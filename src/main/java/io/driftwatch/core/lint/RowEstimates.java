package io.driftwatch.core.lint;

import java.util.HashMap;
import java.util.Map;

/**
 * The live tables' estimated rows, keyed as the lint looks them up ({@link #key}: {@code User},
 * {@code audit.Log}): made once per audit, not once per pending migration (ten thousand migrations
 * over a thousand tables made ten million entries).
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
    byCatalogName.forEach((table, rows) -> byKey.put(key(table), rows));
    return new RowEstimates(byKey);
  }

  /**
   * A table name as the catalog stores it ({@code User}, {@code public.User}, {@code audit.Log}) as
   * a lookup key: the {@code public} schema left out.
   */
  static String key(String catalogName) {
    String name = catalogName.strip();
    return name.startsWith("public.") ? name.substring("public.".length()) : name;
  }
}
