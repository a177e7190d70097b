package io.driftwatch.core.prisma.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A primary key, unique constraint or index of a model, from a field attribute ({@code @id},
 * {@code @unique}) or a block attribute ({@code @@id}, {@code @@unique}, {@code @@index},
 * {@code @@fulltext}).
 *
 * @param fields Prisma field names, in order
 * @param name the {@code name:} argument: the client's name for a compound key, not a database name
 * @param map the {@code map:} argument: the constraint or index name in the database; absent means
 *     Prisma's default name (see {@link PostgresNames})
 */
public record PrismaIndex(
    Type type,
    List<String> fields,
    Optional<String> name,
    Optional<String> map,
    SourcePosition position) {

  public enum Type {
    PRIMARY_KEY,
    UNIQUE,
    INDEX,
    FULLTEXT
  }

  public PrismaIndex {
    Objects.requireNonNull(type, "type");
    fields = List.copyOf(fields);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(position, "position");
  }
}
