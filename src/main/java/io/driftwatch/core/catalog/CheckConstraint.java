package io.driftwatch.core.catalog;

import java.util.List;
import java.util.Objects;

/** A {@code CHECK} constraint; {@code NOT VALID} shows in its definition. */
public record CheckConstraint(
    String name, List<String> columns, String definition, boolean inherited) implements Constraint {

  public CheckConstraint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    columns = List.copyOf(columns);
  }

  @Override
  public ConstraintKind kind() {
    return ConstraintKind.CHECK;
  }
}
