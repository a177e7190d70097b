package io.driftwatch.core.prisma.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A field of a model or view.
 *
 * @param mappedName the {@code @map("column")} name
 * @param ignored {@code @ignore}: hidden from the client, still created by Migrate
 * @param relation present exactly when {@link #kind()} is {@link FieldKind#RELATION}
 * @param attributes every field attribute as written, known or not
 */
public record PrismaField(
    String name,
    FieldType type,
    FieldKind kind,
    Optional<String> mappedName,
    boolean ignored,
    Optional<PrismaRelation> relation,
    List<PrismaAttribute> attributes,
    SourcePosition position) {

  public PrismaField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(mappedName, "mappedName");
    Objects.requireNonNull(relation, "relation");
    attributes = List.copyOf(attributes);
    Objects.requireNonNull(position, "position");
  }

  /** The column name in the database: {@code @map} or the field name. */
  public String columnName() {
    return mappedName.orElse(name);
  }

  /** Whether Migrate creates a column for it (every field but relation fields). */
  public boolean isColumn() {
    return kind.makesColumn();
  }

  public boolean isOptional() {
    return type.arity() == FieldType.Arity.OPTIONAL;
  }

  public boolean isList() {
    return type.arity() == FieldType.Arity.LIST;
  }

  public Optional<PrismaAttribute> attribute(String name) {
    return PrismaAttribute.find(attributes, name);
  }

  /** The value of {@code @default(...)}: {@code autoincrement()}, {@code "x"}, {@code USER}, ... */
  public Optional<PrismaValue> defaultValue() {
    return attribute("default").flatMap(a -> a.defaultArgument("value"));
  }

  /** The native type attribute, e.g. {@code @db.VarChar(255)} (named {@code db.VarChar}). */
  public Optional<PrismaAttribute> nativeType() {
    return attributes.stream().filter(a -> a.name().startsWith("db.")).findFirst();
  }
}
