package io.driftwatch.core.catalog;

/** The table constraints the catalog keeps ({@code pg_constraint.contype} p, u, f, c, x). */
public enum ConstraintKind {
  PRIMARY_KEY,
  UNIQUE,
  FOREIGN_KEY,
  CHECK,
  EXCLUSION
}
