package io.driftwatch.core.prisma.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table (or view) the schema expects in the database, by the names PostgreSQL stores.
 *
 * @param schema the {@code @@schema}; empty means the default schema of the connection URL
 * @param prismaName the model or view name, or the relation name of a join table
 * @param ignored {@code @@ignore}d (or, for a join table, a side ignored): Migrate still creates
 *     it, the client does not use it
 * @param position where the schema declares it (field A for a join table)
 */
public record ExpectedTable(
    Optional<String> schema,
    String name,
    Origin origin,
    String prismaName,
    boolean ignored,
    List<ExpectedColumn> columns,
    Optional<ExpectedIndex> primaryKey,
    List<ExpectedIndex> indexes,
    List<ExpectedForeignKey> foreignKeys,
    SourcePosition position) {

  public enum Origin {
    /** A {@code model} block. */
    MODEL,
    /** The table of an implicit many-to-many relation (see {@link ImplicitJoinTable}). */
    IMPLICIT_MANY_TO_MANY,
    /**
     * A {@code view} block: nothing is created by Migrate, the view is expected from hand-written
     * SQL.
     */
    VIEW
  }

  public ExpectedTable {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(prismaName, "prismaName");
    columns = List.copyOf(columns);
    Objects.requireNonNull(primaryKey, "primaryKey");
    indexes = List.copyOf(indexes);
    foreignKeys = List.copyOf(foreignKeys);
    Objects.requireNonNull(position, "position");
  }

  public Optional<ExpectedColumn> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** {@code schema.name}, or {@code name} in the default schema; for messages. */
  public String displayName() {
    return schema.map(s -> s + "." + name).orElse(name);
  }
}
