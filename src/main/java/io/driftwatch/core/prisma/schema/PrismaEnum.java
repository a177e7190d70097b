package io.driftwatch.core.prisma.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code enum} block. On PostgreSQL Migrate creates {@code CREATE TYPE "<databaseName>" AS ENUM
 * ('<databaseValue>', ...)}.
 *
 * @param mappedName the {@code @@map("type_name")}
 * @param schema the {@code @@schema}; empty means the datasource's default schema
 */
public record PrismaEnum(
    String name,
    Optional<String> mappedName,
    Optional<String> schema,
    List<PrismaEnumValue> values,
    List<PrismaAttribute> attributes,
    SourcePosition position) {

  public PrismaEnum {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mappedName, "mappedName");
    Objects.requireNonNull(schema, "schema");
    values = List.copyOf(values);
    attributes = List.copyOf(attributes);
    Objects.requireNonNull(position, "position");
  }

  /** The database type name: {@code @@map} or the enum name. */
  public String databaseName() {
    return mappedName.orElse(name);
  }

  /** The database labels, in declaration order. */
  public List<String> databaseValues() {
    return values.stream().map(PrismaEnumValue::databaseValue).toList();
  }

  public Optional<PrismaEnumValue> value(String name) {
    return values.stream().filter(v -> v.name().equals(name)).findFirst();
  }
}
