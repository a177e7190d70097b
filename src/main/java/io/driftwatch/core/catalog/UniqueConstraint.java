package io.driftwatch.core.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A {@code UNIQUE} constraint (Prisma writes unique indexes instead: {@code CREATE UNIQUE INDEX}).
 */
public record UniqueConstraint(
    String name, List<String> columns, String definition, boolean inherited) implements Constraint {

  public UniqueConstraint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    columns = List.copyOf(columns);
  }

  @Override
  public ConstraintKind kind() {
    return ConstraintKind.UNIQUE;
  }
}
