package io.driftwatch.core.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog's objects by name, built once: comparing two catalogs of a thousand tables looks each
 * up in constant time instead of scanning the lists ({@link Catalog#table} is a scan, fine for one
 * look).
 */
public final class CatalogIndex {

  private final Map<QualifiedName, Table> tables = new HashMap<>();
  private final Map<QualifiedName, EnumType> enums = new HashMap<>();
  private final Map<QualifiedName, View> views = new HashMap<>();

  /** The table of each index a constraint does not back, by the index's schema-qualified name. */
  private final Map<QualifiedName, Table> indexTables = new HashMap<>();

  private CatalogIndex(Catalog catalog) {
    catalog.tables().forEach(table -> tables.put(table.name(), table));
    catalog.enums().forEach(type -> enums.put(type.name(), type));
    catalog.views().forEach(view -> views.put(view.name(), view));
    for (Table table : catalog.tables()) {
      for (Index index : table.indexes()) {
        if (!index.constraintBacked()) {
          indexTables.putIfAbsent(QualifiedName.of(table.name().schema(), index.name()), table);
        }
      }
    }
  }

  public static CatalogIndex of(Catalog catalog) {
    return new CatalogIndex(catalog);
  }

  public Optional<Table> table(QualifiedName name) {
    return Optional.ofNullable(tables.get(name));
  }

  public Optional<EnumType> enumType(QualifiedName name) {
    return Optional.ofNullable(enums.get(name));
  }

  public Optional<View> view(QualifiedName name) {
    return Optional.ofNullable(views.get(name));
  }

  /** The table of the index (one no constraint backs) of this schema-qualified name. */
  public Optional<Table> tableOfIndex(QualifiedName index) {
    return Optional.ofNullable(indexTables.get(index));
  }
}
