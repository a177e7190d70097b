package io.driftwatch.core.prisma.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code model} or {@code view} block.
 *
 * @param mappedName the {@code @@map("table")} name
 * @param schema the {@code @@schema("name")} (multiSchema); empty means the datasource's default
 *     schema, which lives in the connection URL ({@code ?schema=}, else {@code public}), not in the
 *     schema file
 * @param ignored {@code @@ignore}: hidden from the client, still created by Migrate
 * @param primaryKey from {@code @id} or {@code @@id}
 * @param indexes unique constraints and indexes, field-level ({@code @unique}) first, then
 *     block-level
 * @param attributes every block attribute as written, known or not
 */
public record PrismaModel(
    String name,
    Kind kind,
    Optional<String> mappedName,
    Optional<String> schema,
    boolean ignored,
    List<PrismaField> fields,
    Optional<PrismaIndex> primaryKey,
    List<PrismaIndex> indexes,
    List<PrismaAttribute> attributes,
    SourcePosition position) {

  public enum Kind {
    MODEL,
    /** A {@code view} block: Migrate creates nothing for it; the view is written by hand. */
    VIEW
  }

  public PrismaModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(mappedName, "mappedName");
    Objects.requireNonNull(schema, "schema");
    fields = List.copyOf(fields);
    Objects.requireNonNull(primaryKey, "primaryKey");
    indexes = List.copyOf(indexes);
    attributes = List.copyOf(attributes);
    Objects.requireNonNull(position, "position");
  }

  /** The table (or view) name in the database: {@code @@map} or the model name. */
  public String databaseName() {
    return mappedName.orElse(name);
  }

  public boolean isView() {
    return kind == Kind.VIEW;
  }

  public Optional<PrismaField> field(String name) {
    for (PrismaField field : fields) {
      if (field.name().equals(name)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  /** The fields that are columns, in declaration order. */
  public List<PrismaField> columns() {
    return fields.stream().filter(PrismaField::isColumn).toList();
  }

  /** The column name of a field by its Prisma name; the name itself if no such field exists. */
  public String columnName(String fieldName) {
    return field(fieldName).map(PrismaField::columnName).orElse(fieldName);
  }

  public Optional<PrismaAttribute> attribute(String name) {
    return PrismaAttribute.find(attributes, name);
  }
}
