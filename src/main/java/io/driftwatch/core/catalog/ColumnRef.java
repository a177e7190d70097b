package io.driftwatch.core.catalog;

import java.util.Objects;

/** A column of a table, as a sequence's {@code OWNED BY} names it. */
public record ColumnRef(QualifiedName table, String column) {

  public ColumnRef {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
  }
}
