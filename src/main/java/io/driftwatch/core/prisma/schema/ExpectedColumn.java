package io.driftwatch.core.prisma.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * A column the schema makes Migrate create.
 *
 * @param prismaField the field it comes from; empty for the A and B columns of a join table
 * @param prismaType the Prisma type as written without arity ({@code String}, {@code Role}, {@code
 *     Unsupported("circle")}); for a join table column, the type of the referenced id
 * @param kind an {@link FieldKind#ENUM} column is typed with the enum of that Prisma name
 * @param ignored the field is {@code @ignore}d (the column is still created)
 */
public record ExpectedColumn(
    String name,
    Optional<String> prismaField,
    String prismaType,
    FieldKind kind,
    boolean nullable,
    boolean list,
    boolean ignored) {

  public ExpectedColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prismaField, "prismaField");
    Objects.requireNonNull(prismaType, "prismaType");
    Objects.requireNonNull(kind, "kind");
  }
}
