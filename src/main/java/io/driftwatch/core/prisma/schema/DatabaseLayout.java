package io.driftwatch.core.prisma.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a schema expects in a PostgreSQL database, following prisma-engines' SQL schema calculator:
 * a table per model with a column per scalar field, a table per implicit many-to-many relation,
 * foreign keys unless {@code relationMode = "prisma"}, none to or from views. Identifiers are given
 * as PostgreSQL stores them (cut to 63 bytes).
 */
final class DatabaseLayout {

  private final PrismaSchema schema;
  private final Map<String, PrismaModel> models = new HashMap<>();
  private final boolean foreignKeys;

  private DatabaseLayout(PrismaSchema schema) {
    this.schema = schema;
    schema.models().forEach(m -> models.putIfAbsent(m.name(), m));
    this.foreignKeys = schema.datasource().map(DatasourceBlock::usesForeignKeys).orElse(true);
  }

  static List<ExpectedTable> tables(PrismaSchema schema) {
    DatabaseLayout layout = new DatabaseLayout(schema);
    List<ExpectedTable> tables = new ArrayList<>();
    schema.models().forEach(m -> tables.add(layout.modelTable(m)));
    schema.joinTables().forEach(j -> layout.joinTable(j).ifPresent(tables::add));
    return tables;
  }

  static List<ExpectedTable> views(PrismaSchema schema) {
    List<ExpectedTable> views = new ArrayList<>();
    for (PrismaModel view : schema.views()) {
      views.add(
          new ExpectedTable(
              identifier(view.schema()),
              PostgresNames.truncate(view.databaseName()),
              ExpectedTable.Origin.VIEW,
              view.name(),
              view.ignored(),
              columns(view),
              Optional.empty(),
              List.of(),
              List.of(),
              view.position()));
    }
    return views;
  }

  static List<ExpectedEnum> enums(PrismaSchema schema) {
    return schema.enums().stream()
        .map(
            e ->
                new ExpectedEnum(
                    identifier(e.schema()),
                    PostgresNames.truncate(e.databaseName()),
                    e.name(),
                    e.databaseValues(),
                    e.position()))
        .toList();
  }

  private ExpectedTable modelTable(PrismaModel model) {
    String table = model.databaseName();
    Optional<ExpectedIndex> primaryKey =
        model
            .primaryKey()
            .map(
                pk ->
                    new ExpectedIndex(
                        pk.type(),
                        pk.map().orElseGet(() -> PostgresNames.primaryKey(table)),
                        columnNames(model, pk.fields())));
    List<ExpectedIndex> indexes = new ArrayList<>();
    for (PrismaIndex index : model.indexes()) {
      List<String> columns = columnNames(model, index.fields());
      String name =
          index
              .map()
              .orElseGet(
                  () ->
                      index.type() == PrismaIndex.Type.UNIQUE
                          ? PostgresNames.uniqueIndex(table, columns)
                          : PostgresNames.index(table, columns));
      indexes.add(
          new ExpectedIndex(index.type(), PostgresNames.truncate(name), truncated(columns)));
    }
    return new ExpectedTable(
        identifier(model.schema()),
        PostgresNames.truncate(table),
        ExpectedTable.Origin.MODEL,
        model.name(),
        model.ignored(),
        columns(model),
        primaryKey.map(
            pk ->
                new ExpectedIndex(
                    pk.type(), PostgresNames.truncate(pk.name()), truncated(pk.columns()))),
        indexes,
        foreignKeys(model),
        model.position());
  }

  private List<ExpectedForeignKey> foreignKeys(PrismaModel model) {
    if (!foreignKeys) {
      return List.of();
    }
    List<ExpectedForeignKey> keys = new ArrayList<>();
    for (PrismaField field : model.fields()) {
      Optional<PrismaRelation> relation = field.relation();
      if (relation.isEmpty() || !relation.get().isForward() || field.isList()) {
        continue;
      }
      PrismaModel referenced = models.get(relation.get().relatedModel());
      if (referenced == null) {
        continue; // a view
      }
      List<String> columns = columnNames(model, relation.get().fields());
      String name =
          relation
              .get()
              .foreignKeyName()
              .orElseGet(() -> PostgresNames.foreignKey(model.databaseName(), columns));
      keys.add(
          new ExpectedForeignKey(
              PostgresNames.truncate(name),
              truncated(columns),
              identifier(referenced.schema()),
              PostgresNames.truncate(referenced.databaseName()),
              truncated(columnNames(referenced, relation.get().references()))));
    }
    return keys;
  }

  /** Empty only for a side without a usable id, which reading already reported. */
  private Optional<ExpectedTable> joinTable(ImplicitJoinTable join) {
    PrismaModel a = models.get(join.modelA());
    PrismaModel b = models.get(join.modelB());
    Optional<PrismaField> idA = a == null ? Optional.empty() : singleId(a);
    Optional<PrismaField> idB = b == null ? Optional.empty() : singleId(b);
    if (idA.isEmpty() || idB.isEmpty()) {
      return Optional.empty();
    }
    List<ExpectedColumn> columns =
        List.of(
            new ExpectedColumn(
                ImplicitJoinTable.COLUMN_A,
                Optional.empty(),
                idA.get().type().baseText(),
                idA.get().kind(),
                false,
                false,
                false),
            new ExpectedColumn(
                ImplicitJoinTable.COLUMN_B,
                Optional.empty(),
                idB.get().type().baseText(),
                idB.get().kind(),
                false,
                false,
                false));
    List<ExpectedForeignKey> keys =
        !foreignKeys
            ? List.of()
            : List.of(
                new ExpectedForeignKey(
                    join.foreignKeyAName(),
                    List.of(ImplicitJoinTable.COLUMN_A),
                    identifier(a.schema()),
                    PostgresNames.truncate(a.databaseName()),
                    List.of(PostgresNames.truncate(idA.get().columnName()))),
                new ExpectedForeignKey(
                    join.foreignKeyBName(),
                    List.of(ImplicitJoinTable.COLUMN_B),
                    identifier(b.schema()),
                    PostgresNames.truncate(b.databaseName()),
                    List.of(PostgresNames.truncate(idB.get().columnName()))));
    return Optional.of(
        new ExpectedTable(
            identifier(join.schema()),
            join.tableName(),
            ExpectedTable.Origin.IMPLICIT_MANY_TO_MANY,
            join.relationName(),
            join.ignored(),
            columns,
            Optional.of(
                new ExpectedIndex(
                    PrismaIndex.Type.PRIMARY_KEY,
                    join.primaryKeyName(),
                    List.of(ImplicitJoinTable.COLUMN_A, ImplicitJoinTable.COLUMN_B))),
            List.of(
                new ExpectedIndex(
                    PrismaIndex.Type.INDEX,
                    join.bIndexName(),
                    List.of(ImplicitJoinTable.COLUMN_B))),
            keys,
            join.position()));
  }

  private static Optional<PrismaField> singleId(PrismaModel model) {
    return model
        .primaryKey()
        .filter(pk -> pk.fields().size() == 1)
        .flatMap(pk -> model.field(pk.fields().get(0)));
  }

  private static List<ExpectedColumn> columns(PrismaModel model) {
    return model.columns().stream()
        .map(
            f ->
                new ExpectedColumn(
                    PostgresNames.truncate(f.columnName()),
                    Optional.of(f.name()),
                    f.type().baseText(),
                    f.kind(),
                    f.isOptional(),
                    f.isList(),
                    f.ignored()))
        .toList();
  }

  private static List<String> columnNames(PrismaModel model, List<String> fields) {
    return fields.stream().map(model::columnName).toList();
  }

  private static List<String> truncated(List<String> identifiers) {
    return identifiers.stream().map(PostgresNames::truncate).toList();
  }

  private static Optional<String> identifier(Optional<String> name) {
    return name.map(PostgresNames::truncate);
  }
}
