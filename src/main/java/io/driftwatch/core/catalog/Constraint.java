package io.driftwatch.core.catalog;

import java.util.List;

/**
 * A table constraint. Every kind keeps PostgreSQL's own text of it, so the catalog loses nothing a
 * rendering needs.
 */
public sealed interface Constraint
    permits PrimaryKey, UniqueConstraint, ForeignKey, CheckConstraint, ExclusionConstraint {

  String name();

  ConstraintKind kind();

  /**
   * The constrained columns, in the constraint's order ({@code conkey}); a key that is an
   * expression (an exclusion constraint's {@code tsrange("startTime", "endTime")}) as {@code
   * pg_get_indexdef} writes it.
   */
  List<String> columns();

  /**
   * As {@code pg_get_constraintdef} writes it with an empty search path: {@code PRIMARY KEY (id)}.
   */
  String definition();

  /**
   * Whether the constraint comes from a parent table (a partitioned table's constraint on its
   * partition, or an inherited one) rather than being declared on this table.
   */
  boolean inherited();
}
