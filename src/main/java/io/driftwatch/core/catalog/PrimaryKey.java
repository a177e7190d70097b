package io.driftwatch.core.catalog;

import java.util.List;
import java.util.Objects;

/** A primary key. */
public record PrimaryKey(String name, List<String> columns, String definition, boolean inherited)
    implements Constraint {

  public PrimaryKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    columns = List.copyOf(columns);
  }

  @Override
  public ConstraintKind kind() {
    return ConstraintKind.PRIMARY_KEY;
  }
}
