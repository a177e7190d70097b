package io.driftwatch.core.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A {@code CREATE TYPE ... AS ENUM}; values in their sort order ({@code pg_enum.enumsortorder}).
 */
public record EnumType(QualifiedName name, List<String> values) {

  public EnumType {
    Objects.requireNonNull(name, "name");
    values = List.copyOf(values);
  }
}
