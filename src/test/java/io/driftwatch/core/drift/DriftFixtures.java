package io.driftwatch.core.drift;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.ColumnRef;
import io.driftwatch.core.catalog.EnumType;
import io.driftwatch.core.catalog.ForeignKey;
import io.driftwatch.core.catalog.Index;
import io.driftwatch.core.catalog.IndexKey;
import io.driftwatch.core.catalog.PrimaryKey;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.ReferentialAction;
import io.driftwatch.core.catalog.Sequence;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.catalog.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A small Prisma schema as the catalog reader would read it, and the edits a hand or {@code db
 * push} makes.
 */
final class DriftFixtures {

  static final QualifiedName USER = QualifiedName.of("public", "User");
  static final QualifiedName POST = QualifiedName.of("public", "Post");
  static final QualifiedName ROLE = QualifiedName.of("public", "Role");

  static final EnumType ROLE_ENUM = new EnumType(ROLE, List.of("USER", "ADMIN"));

  static final Table USER_TABLE =
      new Table(
          USER,
          List.of(
              Column.of("id", "integer", false)
                  .withDefault("nextval('public.\"User_id_seq\"'::regclass)"),
              Column.of("email", "text", false),
              Column.of("role", "\"Role\"", false)
                  .withUserType(ROLE)
                  .withDefault("'USER'::public.\"Role\"")),
          primaryKey(USER, "id"),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(index(USER, "User_email_key", true, "email"), primaryKeyIndex(USER, "id")),
          Optional.empty(),
          Optional.empty());

  static final ForeignKey POST_AUTHOR = foreignKey("Post_authorId_fkey", "authorId", USER, "id");

  static final Table POST_TABLE =
      new Table(
          POST,
          List.of(
              Column.of("id", "text", false),
              Column.of("title", "text", true),
              Column.of("authorId", "integer", false)),
          primaryKey(POST, "id"),
          List.of(),
          List.of(POST_AUTHOR),
          List.of(),
          List.of(),
          List.of(index(POST, "Post_authorId_idx", false, "authorId"), primaryKeyIndex(POST, "id")),
          Optional.empty(),
          Optional.empty());

  static final Sequence USER_ID_SEQ =
      new Sequence(
          QualifiedName.of("public", "User_id_seq"),
          "integer",
          1,
          1,
          Optional.of(new ColumnRef(USER, "id")));

  /** What replaying the migrations builds. */
  static final Catalog EXPECTED =
      new Catalog(
          15,
          List.of("public"),
          List.of(USER_TABLE, POST_TABLE),
          List.of(ROLE_ENUM),
          List.of(),
          List.of(USER_ID_SEQ),
          List.of());

  private DriftFixtures() {}

  static Optional<PrimaryKey> primaryKey(QualifiedName table, String column) {
    return Optional.of(
        new PrimaryKey(
            table.name() + "_pkey", List.of(column), "PRIMARY KEY (" + column + ")", false));
  }

  static Index primaryKeyIndex(QualifiedName table, String column) {
    String name = table.name() + "_pkey";
    return new Index(
        name,
        true,
        true,
        true,
        "btree",
        List.of(IndexKey.column(column)),
        List.of(),
        Optional.empty(),
        "CREATE UNIQUE INDEX \""
            + name
            + "\" ON "
            + table.schema()
            + ".\""
            + table.name()
            + "\" USING btree ("
            + column
            + ")",
        true,
        false);
  }

  /** A plain btree index the way {@code pg_get_indexdef} writes it. */
  static Index index(QualifiedName table, String name, boolean unique, String column) {
    return new Index(
        name,
        unique,
        false,
        false,
        "btree",
        List.of(IndexKey.column(column)),
        List.of(),
        Optional.empty(),
        "CREATE "
            + (unique ? "UNIQUE " : "")
            + "INDEX \""
            + name
            + "\" ON "
            + table.schema()
            + ".\""
            + table.name()
            + "\" USING btree (\""
            + column
            + "\")",
        true,
        false);
  }

  static ForeignKey foreignKey(
      String name, String column, QualifiedName referenced, String referencedColumn) {
    return new ForeignKey(
        name,
        List.of(column),
        referenced,
        List.of(referencedColumn),
        ReferentialAction.RESTRICT,
        ReferentialAction.CASCADE,
        "FOREIGN KEY (\""
            + column
            + "\") REFERENCES "
            + referenced.schema()
            + ".\""
            + referenced.name()
            + "\"("
            + referencedColumn
            + ") ON UPDATE CASCADE ON DELETE RESTRICT",
        false);
  }

  // Edits

  static Catalog withTables(Catalog catalog, List<Table> tables) {
    return new Catalog(
        catalog.serverMajorVersion(),
        catalog.schemas(),
        tables,
        catalog.enums(),
        catalog.views(),
        catalog.sequences(),
        catalog.extensions());
  }

  static Catalog addTable(Catalog catalog, Table table) {
    List<Table> tables = new ArrayList<>(catalog.tables());
    tables.add(table);
    return withTables(catalog, tables);
  }

  static Catalog removeTable(Catalog catalog, QualifiedName name) {
    return withTables(
        catalog, catalog.tables().stream().filter(table -> !table.name().equals(name)).toList());
  }

  static Catalog editTable(Catalog catalog, QualifiedName name, UnaryOperator<Table> edit) {
    return withTables(
        catalog,
        catalog.tables().stream()
            .map(table -> table.name().equals(name) ? edit.apply(table) : table)
            .toList());
  }

  static Catalog withEnums(Catalog catalog, List<EnumType> enums) {
    return new Catalog(
        catalog.serverMajorVersion(),
        catalog.schemas(),
        catalog.tables(),
        enums,
        catalog.views(),
        catalog.sequences(),
        catalog.extensions());
  }

  static Catalog withViews(Catalog catalog, List<View> views) {
    return new Catalog(
        catalog.serverMajorVersion(),
        catalog.schemas(),
        catalog.tables(),
        catalog.enums(),
        views,
        catalog.sequences(),
        catalog.extensions());
  }

  static Catalog withSchemas(Catalog catalog, List<String> schemas) {
    return new Catalog(
        catalog.serverMajorVersion(),
        schemas,
        catalog.tables(),
        catalog.enums(),
        catalog.views(),
        catalog.sequences(),
        catalog.extensions());
  }

  static Table withColumns(Table table, List<Column> columns) {
    return new Table(
        table.name(),
        columns,
        table.primaryKey(),
        table.uniqueConstraints(),
        table.foreignKeys(),
        table.checkConstraints(),
        table.exclusionConstraints(),
        table.indexes(),
        table.partitionKey(),
        table.partitionOf());
  }

  static Table addColumn(Table table, Column column) {
    List<Column> columns = new ArrayList<>(table.columns());
    columns.add(column);
    return withColumns(table, columns);
  }

  static Table replaceColumn(Table table, Column column) {
    return withColumns(
        table,
        table.columns().stream()
            .map(existing -> existing.name().equals(column.name()) ? column : existing)
            .toList());
  }

  static Table withIndexes(Table table, List<Index> indexes) {
    return new Table(
        table.name(),
        table.columns(),
        table.primaryKey(),
        table.uniqueConstraints(),
        table.foreignKeys(),
        table.checkConstraints(),
        table.exclusionConstraints(),
        indexes,
        table.partitionKey(),
        table.partitionOf());
  }

  static Table withForeignKeys(Table table, List<ForeignKey> foreignKeys) {
    return new Table(
        table.name(),
        table.columns(),
        table.primaryKey(),
        table.uniqueConstraints(),
        foreignKeys,
        table.checkConstraints(),
        table.exclusionConstraints(),
        table.indexes(),
        table.partitionKey(),
        table.partitionOf());
  }
}
