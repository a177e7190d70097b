package io.driftwatch.core.catalog;

import java.util.List;
import java.util.Objects;

/** An {@code EXCLUDE} constraint. */
public record ExclusionConstraint(
    String name, List<String> columns, String definition, boolean inherited) implements Constraint {

  public ExclusionConstraint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    columns = List.copyOf(columns);
  }

  @Override
  public ConstraintKind kind() {
    return ConstraintKind.EXCLUSION;
  }
}
