package io.driftwatch.core.catalog;

/**
 * The table constraints the catalog keeps ({@code pg_constraint.contype} p, u, f, c, x), and that a
 * statement creates.
 */
public enum ConstraintKind {
  PRIMARY_KEY("PRIMARY KEY"),
  UNIQUE("UNIQUE"),
  FOREIGN_KEY("FOREIGN KEY"),
  CHECK("CHECK"),
  EXCLUSION("EXCLUDE");

  private final String sql;

  ConstraintKind(String sql) {
    this.sql = sql;
  }

  /** As SQL writes it: {@code PRIMARY KEY}, {@code EXCLUDE}. */
  public String sql() {
    return sql;
  }

  /** True when PostgreSQL builds an index for it, named like the constraint. */
  public boolean makesIndex() {
    return this == PRIMARY_KEY || this == UNIQUE || this == EXCLUSION;
  }
}
