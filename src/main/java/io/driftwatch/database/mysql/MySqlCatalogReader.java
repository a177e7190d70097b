package io.driftwatch.database.mysql;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.CheckConstraint;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.ForeignKey;
import io.driftwatch.core.catalog.Index;
import io.driftwatch.core.catalog.IndexKey;
import io.driftwatch.core.catalog.PrimaryKey;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.ReferentialAction;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.catalog.Trigger;
import io.driftwatch.core.catalog.TriggerFiring;
import io.driftwatch.core.catalog.UnreadableObject;
import io.driftwatch.core.catalog.View;
import io.driftwatch.core.dialect.mysql.MySqlSql;
import io.driftwatch.database.CatalogReader;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads a MySQL or MariaDB database (a schema, there) from {@code information_schema} into the
 * engine's {@link Catalog}: seven queries whatever the number of tables, in the caller's read-only
 * transaction. Enums live inline in their columns ({@code enum('USER','ADMIN')} as the column's
 * type), so the catalog has no enum types; AUTO_INCREMENT and ON UPDATE are the column's.
 *
 * <p>Where the two servers differ: MySQL writes a literal default bare ({@code abc}) and marks an
 * expression {@code DEFAULT_GENERATED}, MariaDB (10.2.7+) writes every default as SQL ({@code
 * 'abc'}, {@code current_timestamp(3)}, {@code NULL}); both are read as SQL, MariaDB's way. MySQL
 * 8.0.13+ has functional and invisible indexes ({@code EXPRESSION}, {@code IS_VISIBLE}), MariaDB
 * 10.6+ ignored ones ({@code IGNORED}); checks are read from MySQL 8.0.16 and MariaDB 10.2.1; only
 * MySQL says which tables a view reads ({@code VIEW_TABLE_USAGE}).
 */
@ApplicationScoped
public class MySqlCatalogReader implements CatalogReader {

  /**
   * Changes when what this reader models changes: replays kept under the old model are not reused.
   */
  public static final String MODEL_VERSION = "|mysql catalog model 1";

  static final String TABLES =
      """
      SELECT TABLE_NAME AS name, TABLE_COLLATION AS collation
      FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'
      """;

  static final String COLUMNS =
      """
      SELECT TABLE_NAME AS table_name, COLUMN_NAME AS name, COLUMN_TYPE AS type, DATA_TYPE AS data_type,
             IS_NULLABLE = 'YES' AS nullable, COLUMN_DEFAULT AS default_value, EXTRA AS extra,
             COLLATION_NAME AS collation, GENERATION_EXPRESSION AS generated
      FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?
      ORDER BY TABLE_NAME, ORDINAL_POSITION
      """;

  static final String FOREIGN_KEYS =
      """
      SELECT rc.TABLE_NAME AS table_name, rc.CONSTRAINT_NAME AS name, rc.UPDATE_RULE AS on_update,
             rc.DELETE_RULE AS on_delete, k.COLUMN_NAME AS column_name,
             k.REFERENCED_TABLE_SCHEMA AS referenced_schema, k.REFERENCED_TABLE_NAME AS referenced_table,
             k.REFERENCED_COLUMN_NAME AS referenced_column
      FROM information_schema.REFERENTIAL_CONSTRAINTS rc
      JOIN information_schema.KEY_COLUMN_USAGE k
        ON k.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = rc.CONSTRAINT_NAME
       AND k.TABLE_NAME = rc.TABLE_NAME
      WHERE rc.CONSTRAINT_SCHEMA = ?
      ORDER BY rc.TABLE_NAME, rc.CONSTRAINT_NAME, k.ORDINAL_POSITION
      """;

  /** MySQL names checks per schema; MariaDB per table and writes the table in CHECK_CONSTRAINTS. */
  static final String CHECKS_MYSQL =
      """
      SELECT t.TABLE_NAME AS table_name, c.CONSTRAINT_NAME AS name, c.CHECK_CLAUSE AS clause
      FROM information_schema.TABLE_CONSTRAINTS t
      JOIN information_schema.CHECK_CONSTRAINTS c
        ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME
      WHERE t.TABLE_SCHEMA = ? AND t.CONSTRAINT_TYPE = 'CHECK'
      """;

  static final String CHECKS_MARIADB =
      """
      SELECT TABLE_NAME AS table_name, CONSTRAINT_NAME AS name, CHECK_CLAUSE AS clause
      FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?
      """;

  static final String VIEWS =
      """
      SELECT TABLE_NAME AS name, VIEW_DEFINITION AS definition
      FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?
      """;

  static final String VIEW_USAGE =
      """
      SELECT VIEW_NAME AS view_name, TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name
      FROM information_schema.VIEW_TABLE_USAGE WHERE VIEW_SCHEMA = ?
      """;

  static final String TRIGGERS =
      """
      SELECT EVENT_OBJECT_TABLE AS table_name, TRIGGER_NAME AS name, ACTION_TIMING AS timing,
             EVENT_MANIPULATION AS event, ACTION_STATEMENT AS statement
      FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?
      """;

  /** The STATISTICS query for this server: its functional, invisible or ignored index columns. */
  static String indexes(MySqlServer server) {
    String extra =
        server.functionalIndexes()
            ? ", EXPRESSION AS expression, IS_VISIBLE = 'NO' AS hidden"
            : server.ignoredIndexes()
                ? ", NULL AS expression, IGNORED = 'YES' AS hidden"
                : ", NULL AS expression, FALSE AS hidden";
    return "SELECT TABLE_NAME AS table_name, INDEX_NAME AS name, NON_UNIQUE = 0 AS is_unique,"
        + " COLUMN_NAME AS column_name, SUB_PART AS sub_part, COLLATION AS collation,"
        + " INDEX_TYPE AS index_type"
        + extra
        + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?"
        + " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
  }

  private static final Set<String> NUMERIC =
      Set.of(
          "tinyint",
          "smallint",
          "mediumint",
          "int",
          "integer",
          "bigint",
          "decimal",
          "numeric",
          "float",
          "double",
          "real",
          "bit",
          "year");

  @Override
  public Uni<Catalog> read(SqlConnection connection, Set<String> schemas) {
    return read(connection, MySqlSession.server(connection), schemas);
  }

  /** The database named (the connection's own when {@code schemas} is empty). */
  public Uni<Catalog> read(SqlConnection connection, MySqlServer server, Set<String> schemas) {
    Uni<String> schemaName =
        schemas.isEmpty()
            ? connection
                .query("SELECT DATABASE() AS name")
                .execute()
                .map(rows -> rows.iterator().next().getString("name"))
            : Uni.createFrom().item(schemas.iterator().next());
    return schemaName.flatMap(schema -> readSchema(connection, server, schema, schema));
  }

  /**
   * Database {@code schema}, its objects named as if it were {@code nameAs}: a shadow replay's
   * scratch database read as the watched one (a name in a view's query or a foreign key's target
   * that is the scratch database's is the watched one's).
   */
  public Uni<Catalog> readAs(
      SqlConnection connection, MySqlServer server, String schema, String nameAs) {
    return readSchema(connection, server, schema, nameAs);
  }

  private Uni<Catalog> readSchema(
      SqlConnection connection, MySqlServer server, String schema, String nameAs) {
    Tuple inSchema = Tuple.of(schema);
    Uni<RowSet<Row>> none = Uni.createFrom().nullItem();
    // Sent together: the connection runs them one after the other, in the caller's transaction.
    List<Uni<RowSet<Row>>> queries =
        List.of(
            connection.preparedQuery(TABLES).execute(inSchema),
            connection.preparedQuery(COLUMNS).execute(inSchema),
            connection.preparedQuery(indexes(server)).execute(inSchema),
            connection.preparedQuery(FOREIGN_KEYS).execute(inSchema),
            server.checks()
                ? connection
                    .preparedQuery(server.mariaDb() ? CHECKS_MARIADB : CHECKS_MYSQL)
                    .execute(inSchema)
                : none,
            connection.preparedQuery(VIEWS).execute(inSchema),
            server.viewUsage() ? connection.preparedQuery(VIEW_USAGE).execute(inSchema) : none,
            connection.preparedQuery(TRIGGERS).execute(inSchema));
    return Uni.combine()
        .all()
        .unis(queries)
        .with(
            answers -> {
              @SuppressWarnings("unchecked")
              List<RowSet<Row>> sets = (List<RowSet<Row>>) (List<?>) answers;
              return new Rows(
                      sets.get(0),
                      sets.get(1),
                      sets.get(2),
                      sets.get(3),
                      sets.get(4),
                      sets.get(5),
                      sets.get(6),
                      sets.get(7),
                      schema)
                  .catalog(server, nameAs);
            });
  }

  /** What the queries answered; a null set for a query this server cannot answer. */
  record Rows(
      RowSet<Row> tables,
      RowSet<Row> columns,
      RowSet<Row> indexes,
      RowSet<Row> foreignKeys,
      RowSet<Row> checks,
      RowSet<Row> views,
      RowSet<Row> viewUsage,
      RowSet<Row> triggers,
      String readFrom) {

    /** The schema as the catalog names it: {@code readFrom} is given the catalog's name. */
    private String named(String schemaName, String catalogSchema) {
      return readFrom.equals(schemaName) ? catalogSchema : schemaName;
    }

    Catalog catalog(MySqlServer server, String schema) {
      Map<String, String> collations = new TreeMap<>();
      for (Row row : tables) {
        collations.put(row.getString("name"), row.getString("collation"));
      }
      Map<String, List<Column>> columnsByTable = new LinkedHashMap<>();
      for (Row row : columns) {
        String table = row.getString("table_name");
        if (collations.containsKey(table)) {
          columnsByTable
              .computeIfAbsent(table, t -> new ArrayList<>())
              .add(column(row, server, collations.get(table)));
        }
      }
      Map<String, List<Index>> indexesByTable = new TreeMap<>();
      Map<String, PrimaryKey> primaryKeys = new TreeMap<>();
      readIndexes(schema, indexesByTable, primaryKeys);
      Map<String, List<ForeignKey>> keysByTable = foreignKeys(schema);
      Map<String, List<CheckConstraint>> checksByTable = new TreeMap<>();
      if (checks != null) {
        for (Row row : checks) {
          checksByTable
              .computeIfAbsent(row.getString("table_name"), t -> new ArrayList<>())
              .add(
                  new CheckConstraint(
                      row.getString("name"),
                      List.of(),
                      "CHECK (" + row.getString("clause") + ")",
                      false));
        }
      }
      List<Table> tableList = new ArrayList<>();
      for (String table : collations.keySet()) {
        tableList.add(
            new Table(
                QualifiedName.of(schema, table),
                columnsByTable.getOrDefault(table, List.of()),
                Optional.ofNullable(primaryKeys.get(table)),
                List.of(),
                keysByTable.getOrDefault(table, List.of()),
                checksByTable.getOrDefault(table, List.of()),
                List.of(),
                indexesByTable.getOrDefault(table, List.of()),
                Optional.empty(),
                Optional.empty()));
      }
      List<UnreadableObject> unreadable = new ArrayList<>();
      return new Catalog(
          server.major(),
          List.of(schema),
          tableList,
          List.of(),
          views(schema, unreadable),
          List.of(),
          List.of(),
          List.of(),
          triggers(schema),
          unreadable);
    }

    private static Column column(Row row, MySqlServer server, String tableCollation) {
      String extra = Optional.ofNullable(row.getString("extra")).orElse("");
      String lowerExtra = extra.toLowerCase(Locale.ROOT);
      String dataType = row.getString("data_type").toLowerCase(Locale.ROOT);
      Column column =
          Column.of(row.getString("name"), row.getString("type"), row.getBoolean("nullable"));
      Optional<String> value =
          defaultSql(row.getString("default_value"), lowerExtra, dataType, server);
      if (value.isPresent()) {
        column = column.withDefault(value.get());
      }
      String generated = row.getString("generated");
      if (generated != null && !generated.isBlank() && lowerExtra.contains("generated")) {
        column =
            column.withGenerated(
                generated + (lowerExtra.contains("virtual") ? " VIRTUAL" : " STORED"));
      }
      String collation = row.getString("collation");
      if (collation != null && !collation.equals(tableCollation)) {
        column = column.withCollation(collation);
      }
      int onUpdate = lowerExtra.indexOf("on update ");
      return column.withMySqlExtras(
          onUpdate < 0
              ? Optional.empty()
              : Optional.of(extra.substring(onUpdate + "on update ".length()).trim()),
          lowerExtra.contains("auto_increment"));
    }

    /** The default as SQL, MariaDB's way (see the class). A NULL default is no default. */
    static Optional<String> defaultSql(
        String value, String lowerExtra, String dataType, MySqlServer server) {
      if (value == null || (server.mariaDb() && value.equals("NULL"))) {
        return Optional.empty();
      }
      if (server.mariaDb()
          || lowerExtra.contains("default_generated")
          || NUMERIC.contains(dataType)) {
        return Optional.of(value);
      }
      return Optional.of(MySqlSql.INSTANCE.literal(value));
    }

    private void readIndexes(
        String schema, Map<String, List<Index>> indexesByTable, Map<String, PrimaryKey> keys) {
      Map<List<String>, List<Row>> byIndex = new LinkedHashMap<>();
      for (Row row : indexes) {
        byIndex
            .computeIfAbsent(
                List.of(row.getString("table_name"), row.getString("name")), k -> new ArrayList<>())
            .add(row);
      }
      byIndex.forEach(
          (id, parts) -> {
            String table = id.get(0);
            String name = id.get(1);
            Row first = parts.get(0);
            boolean primary = name.equals("PRIMARY");
            String type = first.getString("index_type");
            List<IndexKey> keyList = new ArrayList<>();
            for (Row part : parts) {
              String expression = part.getString("expression");
              Integer prefix = part.getInteger("sub_part");
              keyList.add(
                  new IndexKey(
                      expression != null ? expression : part.getString("column_name"),
                      expression != null,
                      "D".equals(part.getString("collation")),
                      false,
                      Optional.empty(),
                      Optional.ofNullable(prefix)));
            }
            boolean hidden = Boolean.TRUE.equals(first.getBoolean("hidden"));
            boolean unique = Boolean.TRUE.equals(first.getBoolean("is_unique"));
            String definition = definition(schema, table, name, unique, type, keyList, hidden);
            indexesByTable
                .computeIfAbsent(table, t -> new ArrayList<>())
                .add(
                    new Index(
                        name,
                        unique,
                        primary,
                        primary,
                        type.toLowerCase(Locale.ROOT),
                        keyList,
                        List.of(),
                        Optional.empty(),
                        definition,
                        true,
                        false));
            if (primary) {
              keys.put(
                  table,
                  new PrimaryKey(
                      "PRIMARY",
                      keyList.stream().map(IndexKey::text).toList(),
                      "PRIMARY KEY (" + keysSql(keyList) + ")",
                      false));
            }
          });
    }

    /**
     * {@code CREATE UNIQUE INDEX `User_email_key` ON `app`.`User`(`email`(191)) INVISIBLE}: what
     * the index is, as one comparable line (invisibility and prefixes included).
     */
    private static String definition(
        String schema,
        String table,
        String name,
        boolean unique,
        String type,
        List<IndexKey> keys,
        boolean hidden) {
      String kind =
          switch (type) {
            case "FULLTEXT" -> "FULLTEXT ";
            case "SPATIAL" -> "SPATIAL ";
            default -> unique ? "UNIQUE " : "";
          };
      return "CREATE "
          + kind
          + "INDEX "
          + quote(name)
          + " ON "
          + quote(schema)
          + "."
          + quote(table)
          + "("
          + keysSql(keys)
          + ")"
          + (type.equals("HASH") ? " USING HASH" : "")
          + (hidden ? " INVISIBLE" : "");
    }

    private static String keysSql(List<IndexKey> keys) {
      return keys.stream()
          .map(
              key ->
                  (key.expression() ? "(" + key.text() + ")" : quote(key.text()))
                      + key.prefixLength().map(length -> "(" + length + ")").orElse("")
                      + (key.descending() ? " DESC" : ""))
          .collect(Collectors.joining(", "));
    }

    private Map<String, List<ForeignKey>> foreignKeys(String schema) {
      Map<List<String>, List<Row>> byKey = new LinkedHashMap<>();
      for (Row row : foreignKeys) {
        byKey
            .computeIfAbsent(
                List.of(row.getString("table_name"), row.getString("name")), k -> new ArrayList<>())
            .add(row);
      }
      Map<String, List<ForeignKey>> result = new TreeMap<>();
      byKey.forEach(
          (id, parts) -> {
            Row first = parts.get(0);
            List<String> columnList = parts.stream().map(r -> r.getString("column_name")).toList();
            List<String> referenced =
                parts.stream().map(r -> r.getString("referenced_column")).toList();
            QualifiedName target =
                QualifiedName.of(
                    named(
                        Optional.ofNullable(first.getString("referenced_schema")).orElse(readFrom),
                        schema),
                    first.getString("referenced_table"));
            ReferentialAction onDelete = action(first.getString("on_delete"));
            ReferentialAction onUpdate = action(first.getString("on_update"));
            String definition =
                "FOREIGN KEY ("
                    + columnList.stream().map(Rows::quote).collect(Collectors.joining(", "))
                    + ") REFERENCES "
                    + quote(target.schema())
                    + "."
                    + quote(target.name())
                    + "("
                    + referenced.stream().map(Rows::quote).collect(Collectors.joining(", "))
                    + ") ON DELETE "
                    + onDelete.sql()
                    + " ON UPDATE "
                    + onUpdate.sql();
            result
                .computeIfAbsent(id.get(0), t -> new ArrayList<>())
                .add(
                    new ForeignKey(
                        id.get(1),
                        columnList,
                        target,
                        referenced,
                        onDelete,
                        onUpdate,
                        definition,
                        false));
          });
      return result;
    }

    private static ReferentialAction action(String rule) {
      return switch (rule == null ? "" : rule.toUpperCase(Locale.ROOT)) {
        case "CASCADE" -> ReferentialAction.CASCADE;
        case "SET NULL" -> ReferentialAction.SET_NULL;
        case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
        case "RESTRICT" -> ReferentialAction.RESTRICT;
        default -> ReferentialAction.NO_ACTION;
      };
    }

    private List<View> views(String schema, List<UnreadableObject> unreadable) {
      Map<String, List<QualifiedName>> reads = new TreeMap<>();
      if (viewUsage != null) {
        for (Row row : viewUsage) {
          reads
              .computeIfAbsent(row.getString("view_name"), v -> new ArrayList<>())
              .add(
                  QualifiedName.of(
                      named(row.getString("table_schema"), schema), row.getString("table_name")));
        }
      }
      List<View> result = new ArrayList<>();
      for (Row row : views) {
        String name = row.getString("name");
        String definition = row.getString("definition");
        if (definition == null || definition.isBlank()) {
          // information_schema hides a view's query from a user without SHOW VIEW on it.
          unreadable.add(
              new UnreadableObject(
                  "view",
                  QualifiedName.of(schema, name),
                  null,
                  "its definition is hidden: grant SHOW VIEW on `" + schema + "`.* to read it"));
          definition = "";
        } else if (!readFrom.equals(schema)) {
          definition = definition.replace(quote(readFrom) + ".", quote(schema) + ".");
        }
        result.add(
            new View(
                QualifiedName.of(schema, name),
                false,
                definition,
                reads.getOrDefault(name, List.of())));
      }
      return result;
    }

    private List<Trigger> triggers(String schema) {
      List<Trigger> result = new ArrayList<>();
      for (Row row : triggers) {
        String table = row.getString("table_name");
        String name = row.getString("name");
        result.add(
            new Trigger(
                QualifiedName.of(schema, table),
                name,
                "CREATE TRIGGER "
                    + quote(name)
                    + " "
                    + row.getString("timing")
                    + " "
                    + row.getString("event")
                    + " ON "
                    + quote(table)
                    + " FOR EACH ROW "
                    + row.getString("statement"),
                TriggerFiring.ENABLED));
      }
      return result;
    }

    private static String quote(String name) {
      return MySqlSql.INSTANCE.identifier(name);
    }
  }
}
