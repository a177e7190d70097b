package io.driftwatch.core.prisma.schema;

import java.util.List;
import java.util.Objects;

/**
 * A primary key, unique constraint or index by its database name: the {@code map:} given, else
 * Prisma's default.
 */
public record ExpectedIndex(PrismaIndex.Type type, String name, List<String> columns) {

  public ExpectedIndex {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }
}
