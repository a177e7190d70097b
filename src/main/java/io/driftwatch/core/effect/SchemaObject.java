package io.driftwatch.core.effect;

import io.driftwatch.core.catalog.CatalogDdl;
import io.driftwatch.core.catalog.QualifiedName;
import java.util.Locale;
import java.util.Objects;

/**
 * An object a statement creates, changes or needs, named as the catalog names it.
 *
 * @param name the object; for a column, constraint or enum value, the table or enum it belongs to;
 *     for an extension or schema, {@code ("", name)}
 * @param part the column, constraint or enum value; empty for the others
 */
public record SchemaObject(Kind kind, QualifiedName name, String part) {

  public enum Kind {
    SCHEMA,
    EXTENSION,
    TABLE,
    VIEW,
    INDEX,
    SEQUENCE,
    COLUMN,
    CONSTRAINT,
    ENUM,
    ENUM_VALUE;

    /** Tables, views, indexes and sequences share one namespace per schema ({@code pg_class}). */
    public boolean isRelation() {
      return this == TABLE || this == VIEW || this == INDEX || this == SEQUENCE;
    }

    String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  public SchemaObject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(part, "part");
  }

  public static SchemaObject of(Kind kind, QualifiedName name) {
    return new SchemaObject(kind, name, "");
  }

  public static SchemaObject column(QualifiedName table, String column) {
    return new SchemaObject(Kind.COLUMN, table, column);
  }

  public static SchemaObject constraint(QualifiedName table, String constraint) {
    return new SchemaObject(Kind.CONSTRAINT, table, constraint);
  }

  public static SchemaObject enumValue(QualifiedName type, String value) {
    return new SchemaObject(Kind.ENUM_VALUE, type, value);
  }

  public static SchemaObject extension(String name) {
    return of(Kind.EXTENSION, QualifiedName.of("", name));
  }

  public static SchemaObject schema(String name) {
    return of(Kind.SCHEMA, QualifiedName.of("", name));
  }

  /** The table, view or enum this part belongs to, or this object itself. */
  public SchemaObject owner() {
    return switch (kind) {
      case COLUMN, CONSTRAINT -> of(Kind.TABLE, name);
      case ENUM_VALUE -> of(Kind.ENUM, name);
      default -> this;
    };
  }

  /** The object as SQL names it: {@code "public"."User"."email"}, or {@code 'ADMIN'} of an enum. */
  public String sqlName() {
    return switch (kind) {
      case SCHEMA, EXTENSION -> CatalogDdl.quote(name.name());
      case COLUMN, CONSTRAINT -> name.quoted() + "." + CatalogDdl.quote(part);
      case ENUM_VALUE -> name.quoted() + " value " + CatalogDdl.literal(part);
      default -> name.quoted();
    };
  }

  /** For messages: {@code column "public"."User"."email"}. */
  public String describe() {
    return kind.label() + " " + sqlName();
  }

  @Override
  public String toString() {
    return describe();
  }
}
