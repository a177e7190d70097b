package io.driftwatch.core.catalog;

import java.util.Comparator;
import java.util.Objects;

/** A schema-qualified name as PostgreSQL stores it: case preserved, unquoted. */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {

  private static final Comparator<QualifiedName> ORDER =
      Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

  public QualifiedName {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
  }

  public static QualifiedName of(String schema, String name) {
    return new QualifiedName(schema, name);
  }

  /** The name as Prisma writes it in SQL: {@code "public"."User"}. */
  public String quoted() {
    return CatalogDdl.quote(schema) + "." + CatalogDdl.quote(name);
  }

  @Override
  public int compareTo(QualifiedName other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return schema + "." + name;
  }
}
