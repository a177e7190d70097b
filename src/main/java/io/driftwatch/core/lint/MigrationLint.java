package io.driftwatch.core.lint;

import java.util.Map;
import java.util.Objects;

/**
 * One migration to lint before it is deployed.
 *
 * @param migration the migration's directory name, e.g. {@code 20240101000000_add_role}
 * @param script the contents of its migration.sql
 * @param rowEstimates estimated rows per table from the live database ({@code pg_class.reltuples}),
 *     keyed by table name as the catalog stores it ({@code User}, or {@code schema.User} outside
 *     {@code public}); a table that is absent, or has a negative estimate ({@code -1}: never
 *     analyzed), is of unknown size. Empty when nothing is known.
 */
public record MigrationLint(String migration, String script, Map<String, Long> rowEstimates) {

  public MigrationLint {
    Objects.requireNonNull(migration, "migration");
    script = script == null ? "" : script;
    rowEstimates = rowEstimates == null ? Map.of() : Map.copyOf(rowEstimates);
  }

  /** A migration linted without live evidence: every table is of unknown size. */
  public MigrationLint(String migration, String script) {
    this(migration, script, Map.of());
  }
}
