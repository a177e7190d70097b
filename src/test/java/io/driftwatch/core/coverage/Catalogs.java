package io.driftwatch.core.coverage;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.EnumType;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.catalog.View;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-built catalogs for coverage tests: only names matter to coverage, so every column is {@code
 * text}.
 */
final class Catalogs {

  private final List<Table> tables = new ArrayList<>();
  private final List<EnumType> enums = new ArrayList<>();
  private final List<View> views = new ArrayList<>();

  private Catalogs() {}

  static Catalogs catalog() {
    return new Catalogs();
  }

  static Catalog empty() {
    return catalog().build();
  }

  /** {@code table("public.users", "id", "email")}. */
  Catalogs table(String qualifiedName, String... columns) {
    tables.add(
        Table.of(
            name(qualifiedName),
            Arrays.stream(columns).map(column -> Column.of(column, "text", true)).toList()));
    return this;
  }

  Catalogs enumType(String qualifiedName, String... values) {
    enums.add(new EnumType(name(qualifiedName), List.of(values)));
    return this;
  }

  Catalogs view(String qualifiedName) {
    views.add(new View(name(qualifiedName), false, "SELECT 1", List.of()));
    return this;
  }

  Catalog build() {
    List<String> schemas = new ArrayList<>();
    tables.forEach(t -> schemas.add(t.name().schema()));
    enums.forEach(e -> schemas.add(e.name().schema()));
    views.forEach(v -> schemas.add(v.name().schema()));
    return new Catalog(16, schemas, tables, enums, views, List.of(), List.of());
  }

  private static QualifiedName name(String qualified) {
    int dot = qualified.indexOf('.');
    if (dot < 0) {
      throw new IllegalArgumentException("write the schema too, e.g. public." + qualified);
    }
    return QualifiedName.of(qualified.substring(0, dot), qualified.substring(dot + 1));
  }
}
