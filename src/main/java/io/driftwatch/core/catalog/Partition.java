package io.driftwatch.core.catalog;

import java.util.Objects;

/**
 * What makes a table a partition of another.
 *
 * @param bound as {@code pg_get_expr(relpartbound)} writes it: {@code FOR VALUES FROM
 *     ('2025-01-01') TO (...)}
 */
public record Partition(QualifiedName parent, String bound) {

  public Partition {
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(bound, "bound");
  }
}
