package io.driftwatch.core.plan;

import java.util.List;

/**
 * How to take one migration back once deployed: its reverse SQL, last statement first, and what
 * cannot be undone.
 *
 * @param irreversible the statements no SQL undoes, each with the reason
 */
public record MigrationRollback(String migration, List<String> sql, List<String> irreversible) {

  public MigrationRollback {
    sql = List.copyOf(sql);
    irreversible = List.copyOf(irreversible);
  }
}
