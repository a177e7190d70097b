package io.driftwatch.core.prisma.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A value of an enum; {@code mappedName} is its {@code @map("db_value")}. */
public record PrismaEnumValue(
    String name,
    Optional<String> mappedName,
    List<PrismaAttribute> attributes,
    SourcePosition position) {

  public PrismaEnumValue {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mappedName, "mappedName");
    attributes = List.copyOf(attributes);
    Objects.requireNonNull(position, "position");
  }

  /** The label in the database enum: {@code @map} or the value's name. */
  public String databaseValue() {
    return mappedName.orElse(name);
  }
}
