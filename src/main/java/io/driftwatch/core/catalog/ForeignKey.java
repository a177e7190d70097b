package io.driftwatch.core.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key. {@code columns} and {@code referencedColumns} pair up in order. {@code MATCH
 * FULL}, {@code DEFERRABLE} and {@code NOT VALID} show only in the definition.
 */
public record ForeignKey(
    String name,
    List<String> columns,
    QualifiedName referencedTable,
    List<String> referencedColumns,
    ReferentialAction onDelete,
    ReferentialAction onUpdate,
    String definition,
    boolean inherited)
    implements Constraint {

  public ForeignKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(referencedTable, "referencedTable");
    Objects.requireNonNull(onDelete, "onDelete");
    Objects.requireNonNull(onUpdate, "onUpdate");
    Objects.requireNonNull(definition, "definition");
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
  }

  @Override
  public ConstraintKind kind() {
    return ConstraintKind.FOREIGN_KEY;
  }
}
