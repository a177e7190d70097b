package io.driftwatch.core.prisma.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PostgreSQL enum type the schema expects: {@code CREATE TYPE "<name>" AS ENUM ('<value>', ...)}.
 *
 * @param schema the {@code @@schema}; empty means the default schema
 * @param values the database labels ({@code @map} or the value name), in declaration order
 */
public record ExpectedEnum(
    Optional<String> schema,
    String name,
    String prismaName,
    List<String> values,
    SourcePosition position) {

  public ExpectedEnum {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prismaName, "prismaName");
    values = List.copyOf(values);
    Objects.requireNonNull(position, "position");
  }
}
