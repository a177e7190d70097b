package io.driftwatch.core.prisma.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A foreign key by its database name: {@code @relation(map:)} given, else {@code
 * {table}_{columns}_fkey}.
 */
public record ExpectedForeignKey(
    String name,
    List<String> columns,
    Optional<String> referencedSchema,
    String referencedTable,
    List<String> referencedColumns) {

  public ExpectedForeignKey {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    Objects.requireNonNull(referencedSchema, "referencedSchema");
    Objects.requireNonNull(referencedTable, "referencedTable");
    referencedColumns = List.copyOf(referencedColumns);
  }
}
