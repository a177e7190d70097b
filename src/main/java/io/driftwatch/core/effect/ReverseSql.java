package io.driftwatch.core.effect;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.CatalogDdl;
import io.driftwatch.core.catalog.CatalogIndex;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.NameDdl;
import io.driftwatch.core.catalog.PostgresNameDdl;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.SchemaDdl;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.effect.SchemaObject.Kind;
import io.driftwatch.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The SQL that undoes a migration's effects, last effect first, written against the database as it
 * is before the migration runs (so a dropped index or an altered column can be put back as it was).
 * What cannot be undone is named, with the reason: lost rows, enum values PostgreSQL cannot remove,
 * statements not read.
 */
public final class ReverseSql {

  /** One effect undone, or why it cannot be. */
  public record Reversal(Effect effect, Optional<String> sql, Optional<String> irreversible) {}

  private final Optional<Catalog> before;

  /** The objects of {@code before}, made when first needed: reading a large catalog is not free. */
  private Optional<ObjectSet> beforeObjects;

  /** The catalog before, by name, made once: each effect looks its object up. */
  private Optional<CatalogIndex> beforeIndex;

  /** The DDL that re-creates dropped objects from their definitions. */
  private final Function<Catalog, SchemaDdl> ddl;

  /** The DDL of the drops, renames and column changes, which need only names. */
  private final NameDdl names;

  /** As {@link #ReverseSql(Optional, Function, NameDdl)}, in PostgreSQL's DDL. */
  public ReverseSql(Optional<Catalog> before) {
    this(before, CatalogDdl::new, PostgresNameDdl.INSTANCE);
  }

  /**
   * @param before the catalog before the migration runs; without it, dropped objects cannot be
   *     re-created
   * @param ddl the dialect's DDL for a catalog ({@code core.dialect.SqlDialect#ddl})
   * @param names the dialect's DDL by name ({@code core.dialect.SqlDialect#names})
   */
  public ReverseSql(Optional<Catalog> before, Function<Catalog, SchemaDdl> ddl, NameDdl names) {
    this.before = before;
    this.ddl = ddl;
    this.names = names;
  }

  /**
   * Undoes the effects (of one migration), last first. A column or constraint of a table the same
   * migration creates goes with the table's DROP. A {@code CREATE TABLE IF NOT EXISTS} of a table
   * that was already there does nothing, its columns included; the later changes to that table are
   * undone one by one.
   */
  public List<Reversal> reverse(List<Effect> effects) {
    Optional<ObjectSet> existing = beforeObjects();
    Set<SchemaObject> createdTables = new HashSet<>();
    Set<SqlStatement> skippedCreates = new HashSet<>();
    for (Effect effect : effects) {
      if (effect.action() == Effect.Action.CREATE && effect.object().kind() == Kind.TABLE) {
        if (effect.guarded() && existing.map(set -> set.holds(effect.object())).orElse(false)) {
          skippedCreates.add(effect.statement());
        } else {
          createdTables.add(effect.object());
        }
      }
    }
    List<Reversal> reversals = new ArrayList<>();
    for (int i = effects.size() - 1; i >= 0; i--) {
      Effect effect = effects.get(i);
      SchemaObject object = effect.object();
      boolean tableItself = effect.action() == Effect.Action.CREATE && object.kind() == Kind.TABLE;
      boolean onNewTable = createdTables.contains(object.owner()) && !tableItself;
      if (onNewTable) {
        continue; // dropping the new table undoes its columns, constraints, rows and changes
      }
      if (effect.action() == Effect.Action.CREATE
          && object.kind() == Kind.SEQUENCE
          && effect.implicitName().isPresent()) {
        continue; // a SERIAL's sequence goes with its column, and cannot be dropped before it
      }
      if (skippedCreates.contains(effect.statement()) && !tableItself) {
        continue; // the CREATE TABLE IF NOT EXISTS did nothing: neither did its column definitions
      }
      reversals.add(reverse(effect));
    }
    return List.copyOf(reversals);
  }

  private Optional<CatalogIndex> beforeIndex() {
    if (beforeIndex == null) {
      beforeIndex = before.map(CatalogIndex::of);
    }
    return beforeIndex;
  }

  /**
   * The objects of the catalog before, read once for every migration this instance reverses (it
   * only reads them).
   */
  private Optional<ObjectSet> beforeObjects() {
    if (beforeObjects == null) {
      beforeObjects = before.map(ObjectSet::of);
    }
    return beforeObjects;
  }

  public Reversal reverse(Effect effect) {
    SchemaObject object = effect.object();
    return switch (effect.action()) {
      case CREATE -> undoCreate(effect);
      case DROP -> undoDrop(effect);
      case RENAME ->
          effect
              .previous()
              .map(previous -> sql(effect, renameBack(effect, object, previous)))
              .orElseGet(() -> irreversible(effect, "the old name is unknown"));
      case ALTER -> undoAlter(effect);
      case INSERT ->
          irreversible(
              effect,
              "the inserted rows cannot be told apart from others by their SQL; delete "
                  + "them by key if needed");
      case UPDATE ->
          irreversible(effect, "the values it overwrites are lost; restore them from a backup");
      case DELETE, TRUNCATE ->
          irreversible(effect, "the rows it removes are lost; restore them from a backup");
      case UNKNOWN ->
          irreversible(
              effect, "the statement is not read by driftwatch; write its reverse by hand");
    };
  }

  private Reversal undoCreate(Effect effect) {
    SchemaObject object = effect.object();
    boolean existedBefore = beforeObjects().map(set -> set.holds(object)).orElse(false);
    if (existedBefore && effect.guarded()) {
      return object.kind() == Kind.VIEW
          ? beforeIndex()
              .flatMap(catalog -> catalog.view(object.name()))
              .map(
                  view ->
                      sql(
                          effect,
                          ddl.apply(before.get())
                              .createView(view)
                              .replaceFirst("^CREATE ", "CREATE OR REPLACE ")))
              .orElseGet(() -> irreversible(effect, "the view's previous definition is unknown"))
          : irreversible(effect, "nothing to undo: the object existed before (IF NOT EXISTS)");
    }
    QualifiedName name = object.name();
    return switch (object.kind()) {
      case TABLE -> sql(effect, names.dropTable(name));
      case COLUMN -> sql(effect, names.dropColumn(name, object.part()));
      case CONSTRAINT -> sql(effect, names.dropConstraint(name, object.part()));
      case INDEX -> sql(effect, names.dropIndex(name, requiredTable(effect)));
      case ENUM -> sql(effect, names.dropType(name));
      case VIEW -> sql(effect, names.dropView(name));
      case SEQUENCE -> sql(effect, names.dropSequence(name));
      case EXTENSION -> sql(effect, names.dropExtension(name.name()));
      case SCHEMA -> sql(effect, names.dropSchema(name.name()));
      case ENUM_VALUE ->
          irreversible(
              effect,
              "PostgreSQL cannot remove a value from an enum; recreate "
                  + object.name().quoted()
                  + " without "
                  + CatalogDdl.literal(object.part())
                  + " once no row uses it");
    };
  }

  private Reversal undoDrop(Effect effect) {
    SchemaObject object = effect.object();
    if (before.isEmpty()) {
      return irreversible(effect, "the dropped object's definition is not known");
    }
    CatalogIndex catalog = beforeIndex().get();
    SchemaDdl ddl = this.ddl.apply(before.get());
    Optional<Table> table = catalog.table(object.name());
    return switch (object.kind()) {
      case TABLE ->
          table
              .map(
                  t ->
                      irreversible(
                          effect,
                          "its rows are lost; the empty table comes back with: "
                              + String.join(" ", ddl.reproduceTable(t))))
              .orElseGet(() -> irreversible(effect, "the table is not in the database"));
      case COLUMN ->
          table
              .flatMap(
                  t ->
                      t.column(object.part())
                          .map(
                              c ->
                                  irreversible(
                                      effect,
                                      "its values are lost; the empty column comes back with: "
                                          + ddl.addColumn(t, c))))
              .orElseGet(() -> irreversible(effect, "the column is not in the database"));
      case CONSTRAINT ->
          table
              .flatMap(
                  t -> t.constraint(object.part()).map(c -> sql(effect, ddl.addConstraint(t, c))))
              .orElseGet(() -> irreversible(effect, "the constraint is not in the database"));
      case INDEX ->
          catalog
              .tableOfIndex(object.name())
              .map(
                  found ->
                      sql(
                          effect,
                          ddl.createIndex(found, found.index(object.name().name()).orElseThrow())))
              .orElseGet(() -> irreversible(effect, "the index is not in the database"));
      case ENUM ->
          catalog
              .enumType(object.name())
              .map(type -> sql(effect, ddl.createEnum(type)))
              .orElseGet(() -> irreversible(effect, "the type is not an enum of the database"));
      case VIEW ->
          catalog
              .view(object.name())
              .map(view -> sql(effect, ddl.createView(view)))
              .orElseGet(() -> irreversible(effect, "the view is not in the database"));
      default -> irreversible(effect, "re-create " + object.describe() + " by hand");
    };
  }

  private Reversal undoAlter(Effect effect) {
    SchemaObject object = effect.object();
    ColumnChange change = effect.columnChange();
    if (object.kind() != Kind.COLUMN) {
      return irreversible(effect, "`" + effect.detail() + "` is not reversed automatically");
    }
    Optional<Table> table = beforeIndex().flatMap(catalog -> catalog.table(object.name()));
    Optional<Column> column = table.flatMap(t -> t.column(object.part()));
    if (change == ColumnChange.SET_NOT_NULL) {
      return sql(effect, names.setNotNull(object.name(), object.part(), false, column));
    }
    if (change == ColumnChange.DROP_NOT_NULL) {
      return sql(
          effect,
          names.setNotNull(object.name(), object.part(), true, column)
              + " -- fails if NULLs were written since");
    }
    if (column.isEmpty()) {
      return irreversible(effect, "the column's previous definition is not known");
    }
    if (change == ColumnChange.SET_DEFAULT || change == ColumnChange.DROP_DEFAULT) {
      return sql(effect, names.restoreDefault(object.name(), column.get()));
    }
    if (change == ColumnChange.SET_TYPE) {
      return sql(
          effect,
          names.restoreType(object.name(), column.get())
              + " -- values that do not fit the old type make it fail");
    }
    return irreversible(effect, "`" + effect.detail() + "` is not reversed automatically");
  }

  /** The table a statement needs to exist: an index's own, for CREATE INDEX. */
  private static QualifiedName requiredTable(Effect effect) {
    return effect.requires().stream()
        .filter(required -> required.kind() == Kind.TABLE)
        .map(SchemaObject::name)
        .findFirst()
        .orElse(null);
  }

  private String renameBack(Effect effect, SchemaObject renamed, SchemaObject previous) {
    QualifiedName name = renamed.name();
    return switch (renamed.kind()) {
      case COLUMN -> names.renameColumn(name, renamed.part(), previous.part());
      case CONSTRAINT -> names.renameConstraint(name, renamed.part(), previous.part());
      case TABLE -> names.renameTable(name, previous.name().name());
      case INDEX -> names.renameIndex(name, requiredTable(effect), previous.name().name());
      case ENUM -> names.renameType(name, previous.name().name());
      case ENUM_VALUE -> names.renameEnumValue(name, renamed.part(), previous.part());
      default -> "-- rename " + renamed.sqlName() + " back to " + previous.sqlName();
    };
  }

  private static Reversal sql(Effect effect, String sql) {
    return new Reversal(effect, Optional.of(sql), Optional.empty());
  }

  private static Reversal irreversible(Effect effect, String why) {
    return new Reversal(effect, Optional.empty(), Optional.of(why));
  }
}
