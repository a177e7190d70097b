package io.driftwatch.database.postgres;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.CatalogFilter;
import io.driftwatch.core.catalog.CheckConstraint;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.ColumnRef;
import io.driftwatch.core.catalog.Constraint;
import io.driftwatch.core.catalog.EnumType;
import io.driftwatch.core.catalog.ExclusionConstraint;
import io.driftwatch.core.catalog.Extension;
import io.driftwatch.core.catalog.ForeignKey;
import io.driftwatch.core.catalog.Identity;
import io.driftwatch.core.catalog.Index;
import io.driftwatch.core.catalog.IndexKey;
import io.driftwatch.core.catalog.Partition;
import io.driftwatch.core.catalog.PrimaryKey;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.ReferentialAction;
import io.driftwatch.core.catalog.Routine;
import io.driftwatch.core.catalog.Sequence;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.catalog.Trigger;
import io.driftwatch.core.catalog.TriggerFiring;
import io.driftwatch.core.catalog.UniqueConstraint;
import io.driftwatch.core.catalog.UnreadableObject;
import io.driftwatch.core.catalog.View;
import io.driftwatch.database.CatalogReader;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Introspects the schemas of a PostgreSQL database into a {@link Catalog}. The live target and the
 * scratch database the migrations are replayed into are read by this same reader, so equal schemas
 * give equal catalogs.
 *
 * <p>One round trip: a single batch of SELECTs on {@code pg_catalog}, one per kind of object across
 * every requested schema, run on the caller's connection (in its transaction, if it has one). The
 * batch first empties the {@code search_path} for its own duration, so {@code format_type}, {@code
 * pg_get_expr}, {@code pg_get_indexdef} and {@code pg_get_viewdef} qualify every name the same way
 * whoever connects and whatever their search path; its last statement restores the caller's path.
 *
 * <p>Left out: system schemas, every object that belongs to an extension ({@code pg_depend} type
 * {@code e}: its tables, views, sequences, types, functions), identity columns' own sequences, and
 * {@code _prisma_migrations} in any schema. Partitions are read as tables of their own, with {@link
 * Table#partitionOf()}. Foreign tables, policies, grants, comments and materialized views' indexes
 * are not read. An object the model cannot hold (an aggregate, a routine over 1 MiB, a value the
 * model does not expect) is left out and listed in {@link Catalog#unreadable()}: the read never
 * fails for one object.
 *
 * <p>Needs PostgreSQL 12 or later (generated columns, {@code starts_with}). Catalog functions such
 * as {@code pg_get_indexdef} read the latest committed catalog rather than the transaction's
 * snapshot, as for {@code pg_dump}: a migration running during the read can show half-applied.
 *
 * <p>Failures are the driver's ({@code PgException}), for the caller to explain: {@link
 * PostgresTargetReader#explain} never shows the password.
 */
@ApplicationScoped
public class PostgresCatalogReader implements CatalogReader {

  /**
   * The user's schemas, never a system one. Every schema is read, whatever the caller asked for:
   * the batch is one constant text, with nothing of the caller's or the database's spliced into it,
   * and {@link #read} keeps the requested schemas afterwards.
   */
  private static final String SCHEMAS_CTE =
      """
      ns AS (
        SELECT n.oid, n.nspname::text AS nspname FROM pg_catalog.pg_namespace n
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
          AND NOT pg_catalog.starts_with(n.nspname::text, 'pg_temp_')
          AND NOT pg_catalog.starts_with(n.nspname::text, 'pg_toast_temp_')
      )""";

  /**
   * Tables (ordinary and partitioned) in those schemas, but not Prisma's history nor an
   * extension's.
   */
  private static final String TABLES_CTE =
      """
      tbl AS (
        SELECT c.oid, ns.nspname, c.relname::text AS relname, c.relkind, c.relnamespace, c.relispartition
        FROM pg_catalog.pg_class c JOIN ns ON ns.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND c.relname <> '%s' AND NOT EXISTS (
          SELECT 1 FROM pg_catalog.pg_depend e
          WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = c.oid AND e.deptype = 'e')
      )"""
          .formatted(CatalogFilter.PRISMA_MIGRATIONS);

  private static final String PIN_SEARCH_PATH =
      """
      SELECT pg_catalog.set_config('driftwatch.search_path', pg_catalog.current_setting('search_path'), true);
      SELECT pg_catalog.set_config('search_path', '', true);
      """;

  private static final String RESTORE_SEARCH_PATH =
      """
      SELECT pg_catalog.set_config('search_path', pg_catalog.current_setting('driftwatch.search_path'), true);
      """;

  private static final String SERVER =
      """
      SELECT pg_catalog.current_setting('server_version_num')::int4 / 10000 AS major,
        ARRAY(SELECT nspname FROM ns ORDER BY nspname) AS schemas;
      """;

  private static final String TABLES =
      """
      SELECT tbl.oid::int8 AS oid, tbl.nspname AS schema, tbl.relname AS name,
        CASE WHEN tbl.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(tbl.oid) END AS partition_key,
        pn.nspname::text AS parent_schema, pc.relname::text AS parent_name,
        CASE WHEN tbl.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, tbl.oid) END AS partition_bound
      FROM tbl
      JOIN pg_catalog.pg_class c ON c.oid = tbl.oid
      LEFT JOIN pg_catalog.pg_inherits i ON tbl.relispartition AND i.inhrelid = tbl.oid
      LEFT JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
      LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace;
      """;

  /**
   * Each distinct type is formatted once. With an empty search path format_type qualifies every
   * user type; the table's own schema prefix is taken off again, so a type reads as it would from
   * the table's schema.
   */
  private static final String COLUMNS =
      """
      , col AS MATERIALIZED (
        SELECT a.attrelid, a.attnum, a.attname, a.atttypid, a.atttypmod, a.attnotnull, a.attgenerated, a.attidentity,
          a.attcollation, tbl.relnamespace
        FROM pg_catalog.pg_attribute a JOIN tbl ON tbl.oid = a.attrelid
        WHERE a.attnum > 0 AND NOT a.attisdropped
      ), typ AS MATERIALIZED (
        SELECT x.atttypid, x.atttypmod, pg_catalog.format_type(x.atttypid, x.atttypmod) AS formatted,
          tn.oid AS type_namespace, pg_catalog.quote_ident(tn.nspname) AS quoted_schema,
          CASE WHEN tn.nspname <> 'pg_catalog' THEN tn.nspname::text END AS type_schema,
          CASE WHEN tn.nspname <> 'pg_catalog' THEN et.typname::text END AS type_name, t.typcollation
        FROM (SELECT DISTINCT atttypid, atttypmod FROM col) x
        JOIN pg_catalog.pg_type t ON t.oid = x.atttypid
        JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN t.typelem <> 0 AND t.typlen = -1 THEN t.typelem ELSE t.oid END
        JOIN pg_catalog.pg_namespace tn ON tn.oid = et.typnamespace
      )
      SELECT col.attrelid::int8 AS table_oid, col.attnum::int4 AS position, col.attname::text AS name,
        CASE WHEN typ.type_namespace = col.relnamespace AND typ.type_schema IS NOT NULL
              AND pg_catalog.starts_with(typ.formatted, typ.quoted_schema || '.')
             THEN pg_catalog.substr(typ.formatted, pg_catalog.length(typ.quoted_schema) + 2)
             ELSE typ.formatted END AS type,
        typ.type_schema, typ.type_name,
        NOT col.attnotnull AS nullable,
        CASE WHEN col.attgenerated = '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END AS default_expression,
        CASE WHEN col.attgenerated <> '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END AS generated_expression,
        col.attidentity::text AS identity,
        CASE WHEN col.attcollation <> 0 AND col.attcollation <> typ.typcollation THEN
          (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(co.collname)
                       ELSE pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) END
           FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
           WHERE co.oid = col.attcollation)
        END AS collation
      FROM col
      JOIN typ ON typ.atttypid = col.atttypid AND typ.atttypmod = col.atttypmod
      LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = col.attrelid AND d.adnum = col.attnum
      ORDER BY col.attrelid, col.attnum;
      """;

  /**
   * The constrained columns are named here, system columns (negative numbers) too; a key that is an
   * expression (number 0: an exclusion constraint's {@code tsrange("startTime", "endTime")}) is
   * taken from the constraint's index, as {@code pg_get_indexdef} writes that key. A foreign key's
   * referenced columns are named here as well (the table may be outside the requested schemas). A
   * foreign key that references a partitioned table also gets one hidden clone per referenced
   * partition on the same table (conparentid pointing at a constraint of the same table): those are
   * PostgreSQL's bookkeeping.
   */
  private static final String CONSTRAINTS =
      """
      SELECT k.conrelid::int8 AS table_oid, k.conname::text AS name, k.contype::text AS kind,
        pg_catalog.pg_get_constraintdef(k.oid) AS definition,
        ARRAY(SELECT CASE WHEN u.attnum <> 0 THEN a.attname::text
                          WHEN k.conindid <> 0 THEN pg_catalog.pg_get_indexdef(k.conindid, u.position::int4, true) END
              FROM pg_catalog.unnest(k.conkey) WITH ORDINALITY u(attnum, position)
              LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
              ORDER BY u.position) AS key_columns,
        rn.nspname::text AS referenced_schema, rc.relname::text AS referenced_table,
        CASE WHEN k.contype = 'f' THEN
          ARRAY(SELECT a.attname::text FROM pg_catalog.unnest(k.confkey) WITH ORDINALITY u(attnum, position)
                JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum
                ORDER BY u.position)
        END AS referenced_columns,
        k.confdeltype::text AS on_delete, k.confupdtype::text AS on_update,
        (k.conparentid <> 0 OR NOT k.conislocal) AS inherited
      FROM pg_catalog.pg_constraint k
      JOIN tbl ON tbl.oid = k.conrelid
      LEFT JOIN pg_catalog.pg_class rc ON rc.oid = k.confrelid
      LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
      WHERE k.contype IN ('p', 'u', 'f', 'c', 'x')
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint parent
                        WHERE parent.oid = k.conparentid AND parent.conrelid = k.conrelid);
      """;

  /**
   * The key vectors come as text (indkey, indoption, indclass: numbers separated by spaces); each
   * key is named here: a column (system columns too) by its name, an expression (number 0) as
   * {@code pg_get_indexdef} writes it.
   */
  private static final String INDEXES =
      """
      SELECT i.indrelid::int8 AS table_oid, ic.relname::text AS name, i.indisunique AS is_unique,
        i.indisprimary AS is_primary,
        EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
          AS constraint_backed,
        am.amname::text AS method, i.indnkeyatts::int4 AS key_count, i.indkey::text AS key_columns,
        i.indoption::text AS key_options, i.indclass::text AS key_classes,
        ARRAY(SELECT CASE WHEN i.indkey[k - 1] <> 0 THEN a.attname::text
                          ELSE pg_catalog.pg_get_indexdef(i.indexrelid, k, false) END
              FROM pg_catalog.generate_series(1, i.indnatts::int4) k
              LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]
              ORDER BY k) AS key_texts,
        pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate,
        pg_catalog.pg_get_indexdef(i.indexrelid) AS definition,
        i.indisvalid AS valid, ic.relispartition AS inherited
      FROM pg_catalog.pg_index i
      JOIN tbl ON tbl.oid = i.indrelid
      JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_catalog.pg_am am ON am.oid = ic.relam;
      """;

  /**
   * The operator classes an index names only when they are not their type's default, named as
   * pg_get_indexdef does.
   */
  private static final String OPERATOR_CLASSES =
      """
      SELECT oc.oid::int8 AS oid,
        CASE WHEN ocn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(oc.opcname)
             ELSE pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END AS name
      FROM pg_catalog.pg_opclass oc JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace
      WHERE NOT oc.opcdefault;
      """;

  private static final String ENUMS =
      """
      SELECT ns.nspname AS schema, t.typname::text AS name,
        ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)
          AS labels
      FROM pg_catalog.pg_type t JOIN ns ON ns.oid = t.typnamespace
      WHERE t.typtype = 'e' AND NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_depend e
        WHERE e.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND e.objid = t.oid AND e.deptype = 'e');
      """;

  /** What a view reads: the relations its rewrite rule depends on, other than itself. */
  private static final String VIEWS =
      """
      SELECT ns.nspname AS schema, c.relname::text AS name, c.relkind = 'm' AS materialized,
        pg_catalog.pg_get_viewdef(c.oid) AS definition, deps.schemas AS depends_on_schemas,
        deps.names AS depends_on_names
      FROM pg_catalog.pg_class c JOIN ns ON ns.oid = c.relnamespace
      CROSS JOIN LATERAL (
        SELECT pg_catalog.array_agg(x.nspname ORDER BY x.nspname, x.relname) AS schemas,
               pg_catalog.array_agg(x.relname ORDER BY x.nspname, x.relname) AS names
        FROM (SELECT DISTINCT rn.nspname::text AS nspname, rc.relname::text AS relname
              FROM pg_catalog.pg_rewrite r
              JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
                AND d.objid = r.oid AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
              JOIN pg_catalog.pg_class rc ON rc.oid = d.refobjid
              JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
              WHERE r.ev_class = c.oid AND d.refobjid <> c.oid) x) deps
      WHERE c.relkind IN ('v', 'm') AND NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_depend e
        WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = c.oid AND e.deptype = 'e');
      """;

  /**
   * An identity column's sequence (dependency type i) is the column's business, not a sequence of
   * its own.
   */
  private static final String SEQUENCES =
      """
      SELECT ns.nspname AS schema, c.relname::text AS name, pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
        s.seqstart AS start, s.seqincrement AS increment,
        owner.schema AS owner_schema, owner.name AS owner_table, owner.column_name AS owner_column
      FROM pg_catalog.pg_class c JOIN ns ON ns.oid = c.relnamespace
      JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
      LEFT JOIN LATERAL (
        SELECT otn.nspname::text AS schema, ot.relname::text AS name, oa.attname::text AS column_name
        FROM pg_catalog.pg_depend d
        JOIN pg_catalog.pg_class ot ON ot.oid = d.refobjid
        JOIN pg_catalog.pg_namespace otn ON otn.oid = ot.relnamespace
        JOIN pg_catalog.pg_attribute oa ON oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid
        WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
          AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'a' AND d.refobjsubid > 0
        LIMIT 1) owner ON true
      WHERE c.relkind = 'S' AND NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_depend e
        WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = c.oid AND e.deptype IN ('e', 'i'));
      """;

  private static final String EXTENSIONS =
      """
      SELECT e.extname::text AS name, n.nspname::text AS schema, e.extversion AS version
      FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
      WHERE n.nspname <> 'pg_catalog';
      """;

  /**
   * Functions and procedures, not an extension's. An aggregate has no {@code pg_get_functiondef}
   * (it would fail the batch), nor has a routine whose source is over the bound: their definition
   * stays null, and they are reported as unreadable.
   */
  private static final String ROUTINES =
      """
      SELECT ns.nspname AS schema, p.proname::text AS name,
        pg_catalog.pg_get_function_identity_arguments(p.oid) AS arguments, p.prokind::text AS kind,
        CASE WHEN p.prokind IN ('f', 'p', 'w') AND pg_catalog.octet_length(p.prosrc) <= %d
             THEN pg_catalog.pg_get_functiondef(p.oid) END AS definition
      FROM pg_catalog.pg_proc p JOIN ns ON ns.oid = p.pronamespace
      WHERE NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_depend e
        WHERE e.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND e.objid = p.oid AND e.deptype = 'e');
      """
          .formatted(Routine.MAX_DEFINITION_BYTES);

  /**
   * Triggers of tables and views, but not PostgreSQL's own (a foreign key's: internal) nor a
   * partition's copy of its parent's (dependency type P), which comes and goes with the parent's.
   */
  private static final String TRIGGERS =
      """
      SELECT ns.nspname AS schema, c.relname::text AS relation, t.tgname::text AS name,
        pg_catalog.pg_get_triggerdef(t.oid) AS definition, t.tgenabled::text AS firing
      FROM pg_catalog.pg_trigger t
      JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
      JOIN ns ON ns.oid = c.relnamespace
      WHERE NOT t.tgisinternal AND c.relname <> '%s'
        AND NOT EXISTS (
          SELECT 1 FROM pg_catalog.pg_depend p
          WHERE p.classid = 'pg_catalog.pg_trigger'::pg_catalog.regclass AND p.objid = t.oid AND p.deptype = 'P')
        AND NOT EXISTS (
          SELECT 1 FROM pg_catalog.pg_depend e
          WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = c.oid AND e.deptype = 'e');
      """
          .formatted(CatalogFilter.PRISMA_MIGRATIONS);

  /**
   * What this reader reads and how it models it. Catalogs read by another version are not
   * comparable with this one's: a store of catalogs keys them by it. Version 2: expression keys of
   * constraints, unreadable objects, routines and triggers.
   */
  public static final String MODEL_VERSION = "|catalog model 2";

  /** The order of the result sets in the batch; the pinning statements come first. */
  private enum Part {
    SERVER,
    TABLES,
    COLUMNS,
    CONSTRAINTS,
    INDEXES,
    OPERATOR_CLASSES,
    ENUMS,
    VIEWS,
    SEQUENCES,
    EXTENSIONS,
    ROUTINES,
    TRIGGERS
  }

  private static final int PINNING_RESULTS = 2;

  /**
   * The batch, the same text on every call: one SELECT per kind of object between pinning and
   * restoring.
   */
  static final String BATCH = batch();

  /**
   * Reads the schemas (all of the user's schemas when the set is empty) on the caller's connection:
   * one round trip.
   */
  @Override
  public Uni<Catalog> read(SqlConnection connection, Set<String> schemas) {
    Objects.requireNonNull(connection, "connection");
    Set<String> wanted = Set.copyOf(Objects.requireNonNull(schemas, "schemas"));
    return connection
        .query(BATCH)
        .execute()
        .map(PostgresCatalogReader::assemble)
        .map(catalog -> wanted.isEmpty() ? catalog : catalog.only(wanted));
  }

  /**
   * The whole batch: pin the search path, one SELECT per kind of object, restore the search path.
   */
  private static String batch() {
    String with = "WITH " + SCHEMAS_CTE;
    String withTables = with + ",\n" + TABLES_CTE;
    StringBuilder sql = new StringBuilder(PIN_SEARCH_PATH);
    for (Part part : Part.values()) {
      String select =
          switch (part) {
            case SERVER -> with + "\n" + SERVER;
            case TABLES -> withTables + "\n" + TABLES;
            case COLUMNS -> withTables + COLUMNS;
            case CONSTRAINTS -> withTables + "\n" + CONSTRAINTS;
            case INDEXES -> withTables + "\n" + INDEXES;
            case ENUMS -> with + "\n" + ENUMS;
            case VIEWS -> with + "\n" + VIEWS;
            case SEQUENCES -> with + "\n" + SEQUENCES;
            case OPERATOR_CLASSES -> OPERATOR_CLASSES;
            case EXTENSIONS -> EXTENSIONS;
            case ROUTINES -> with + "\n" + ROUTINES;
            case TRIGGERS -> with + "\n" + TRIGGERS;
          };
      sql.append(select);
    }
    return sql.append(RESTORE_SEARCH_PATH).toString();
  }

  private static Catalog assemble(RowSet<Row> first) {
    Map<Part, RowSet<Row>> results = new LinkedHashMap<>();
    RowSet<Row> current = first;
    for (int i = 0; i < PINNING_RESULTS; i++) {
      current = current.next();
    }
    for (Part part : Part.values()) {
      results.put(part, current);
      current = current.next();
    }

    Row server = results.get(Part.SERVER).iterator().next();
    int major = server.getInteger("major");
    List<String> schemas = strings(server, "schemas");
    Unreadable unreadable = new Unreadable();

    Map<Long, TableParts> tables = new LinkedHashMap<>();
    for (Row row : results.get(Part.TABLES)) {
      Optional<Partition> partition =
          Optional.ofNullable(row.getString("parent_name"))
              .map(
                  parent ->
                      new Partition(
                          QualifiedName.of(row.getString("parent_schema"), parent),
                          row.getString("partition_bound")));
      tables.put(
          row.getLong("oid"),
          new TableParts(
              QualifiedName.of(row.getString("schema"), row.getString("name")),
              Optional.ofNullable(row.getString("partition_key")),
              partition));
    }
    // Each statement sees the catalog as of its own start: a table created between two of them is
    // skipped.
    for (Row row : results.get(Part.COLUMNS)) {
      TableParts table = tables.get(row.getLong("table_oid"));
      if (table != null) {
        unreadable
            .read("column", table.name, row.getString("name"), () -> column(row))
            .ifPresentOrElse(table.columns::add, () -> table.complete = false);
      }
    }
    for (Row row : results.get(Part.CONSTRAINTS)) {
      TableParts table = tables.get(row.getLong("table_oid"));
      if (table != null) {
        unreadable
            .read(
                "constraint", table.name, row.getString("name"), () -> constraint(row, table.name))
            .ifPresent(table::add);
      }
    }
    Map<Long, String> operatorClasses = new HashMap<>();
    for (Row row : results.get(Part.OPERATOR_CLASSES)) {
      operatorClasses.put(row.getLong("oid"), row.getString("name"));
    }
    for (Row row : results.get(Part.INDEXES)) {
      TableParts table = tables.get(row.getLong("table_oid"));
      if (table != null) {
        unreadable
            .read("index", table.name, row.getString("name"), () -> index(row, operatorClasses))
            .ifPresent(table.indexes::add);
      }
    }
    List<Table> complete = new ArrayList<>();
    for (TableParts table : tables.values()) {
      if (!table.complete) {
        unreadable.add(
            "table",
            table.name,
            null,
            "a column could not be read (see the column's own report), so the"
                + " table is left out rather than compared without it");
      } else {
        unreadable.read("table", table.name, null, table::table).ifPresent(complete::add);
      }
    }

    List<EnumType> enums = new ArrayList<>();
    for (Row row : results.get(Part.ENUMS)) {
      QualifiedName name = QualifiedName.of(row.getString("schema"), row.getString("name"));
      unreadable
          .read("enum", name, null, () -> new EnumType(name, strings(row, "labels")))
          .ifPresent(enums::add);
    }
    List<View> views = new ArrayList<>();
    for (Row row : results.get(Part.VIEWS)) {
      QualifiedName name = QualifiedName.of(row.getString("schema"), row.getString("name"));
      unreadable.read("view", name, null, () -> view(row, name)).ifPresent(views::add);
    }
    List<Sequence> sequences = new ArrayList<>();
    for (Row row : results.get(Part.SEQUENCES)) {
      QualifiedName name = QualifiedName.of(row.getString("schema"), row.getString("name"));
      unreadable.read("sequence", name, null, () -> sequence(row, name)).ifPresent(sequences::add);
    }
    List<Extension> extensions = new ArrayList<>();
    for (Row row : results.get(Part.EXTENSIONS)) {
      extensions.add(
          new Extension(row.getString("name"), row.getString("schema"), row.getString("version")));
    }
    List<Routine> routines = new ArrayList<>();
    for (Row row : results.get(Part.ROUTINES)) {
      QualifiedName name = QualifiedName.of(row.getString("schema"), row.getString("name"));
      QualifiedName signature =
          QualifiedName.of(name.schema(), name.name() + "(" + row.getString("arguments") + ")");
      unreadable
          .read(routineKind(row), signature, null, () -> routine(row, name))
          .ifPresent(routines::add);
    }
    List<Trigger> triggers = new ArrayList<>();
    for (Row row : results.get(Part.TRIGGERS)) {
      QualifiedName relation = QualifiedName.of(row.getString("schema"), row.getString("relation"));
      unreadable
          .read(
              "trigger",
              relation,
              row.getString("name"),
              () ->
                  new Trigger(
                      relation,
                      row.getString("name"),
                      row.getString("definition"),
                      TriggerFiring.fromCode(row.getString("firing").charAt(0))))
          .ifPresent(triggers::add);
    }
    return new Catalog(
        major,
        schemas,
        complete,
        enums,
        views,
        sequences,
        extensions,
        routines,
        triggers,
        unreadable.objects);
  }

  private static Sequence sequence(Row row, QualifiedName name) {
    Optional<ColumnRef> owner =
        Optional.ofNullable(row.getString("owner_table"))
            .map(
                table ->
                    new ColumnRef(
                        QualifiedName.of(row.getString("owner_schema"), table),
                        row.getString("owner_column")));
    return new Sequence(
        name, row.getString("data_type"), row.getLong("start"), row.getLong("increment"), owner);
  }

  private static String routineKind(Row row) {
    return switch (row.getString("kind")) {
      case "p" -> "procedure";
      case "a" -> "aggregate";
      default -> "function";
    };
  }

  /**
   * A routine with its definition, which the query leaves out for an aggregate and a routine over
   * the bound.
   */
  private static Routine routine(Row row, QualifiedName name) {
    String definition = row.getString("definition");
    if ("a".equals(row.getString("kind"))) {
      throw new UnreadableException(
          "an aggregate has no definition PostgreSQL can write out"
              + " (pg_get_functiondef): aggregates are not compared");
    }
    if (definition == null
        || definition.getBytes(StandardCharsets.UTF_8).length > Routine.MAX_DEFINITION_BYTES) {
      throw new UnreadableException(
          "its definition is larger than "
              + Routine.MAX_DEFINITION_BYTES / (1024 * 1024)
              + " MiB, more than driftwatch keeps: it is not compared");
    }
    return new Routine(
        name, row.getString("arguments"), "p".equals(row.getString("kind")), definition);
  }

  private static Column column(Row row) {
    Optional<QualifiedName> userType =
        Optional.ofNullable(row.getString("type_name"))
            .map(name -> QualifiedName.of(row.getString("type_schema"), name));
    Optional<Identity> identity =
        switch (row.getString("identity")) {
          case "a" -> Optional.of(Identity.ALWAYS);
          case "d" -> Optional.of(Identity.BY_DEFAULT);
          default -> Optional.empty();
        };
    return new Column(
        row.getString("name"),
        row.getString("type"),
        userType,
        row.getBoolean("nullable"),
        Optional.ofNullable(row.getString("default_expression")),
        identity,
        Optional.ofNullable(row.getString("generated_expression")),
        Optional.ofNullable(row.getString("collation")));
  }

  /**
   * A key's column number 0 marks an expression; the query names every key. indoption bits: 1 is
   * DESC, 2 is NULLS FIRST; an operator class is named only when it is not the default.
   */
  private static Index index(Row row, Map<Long, String> operatorClasses) {
    long[] columns = numbers(row.getString("key_columns"));
    long[] options = numbers(row.getString("key_options"));
    long[] classes = numbers(row.getString("key_classes"));
    List<String> texts = strings(row, "key_texts");
    int keyCount = row.getInteger("key_count");
    List<IndexKey> keys = new ArrayList<>(keyCount);
    List<String> included = new ArrayList<>();
    for (int k = 0; k < columns.length; k++) {
      String text = texts.get(k);
      if (k < keyCount) {
        keys.add(
            new IndexKey(
                text,
                columns[k] == 0,
                (options[k] & 1) != 0,
                (options[k] & 2) != 0,
                Optional.ofNullable(operatorClasses.get(classes[k]))));
      } else {
        included.add(Objects.requireNonNull(text, "an included column without a name"));
      }
    }
    return new Index(
        row.getString("name"),
        row.getBoolean("is_unique"),
        row.getBoolean("is_primary"),
        row.getBoolean("constraint_backed"),
        row.getString("method"),
        keys,
        included,
        Optional.ofNullable(row.getString("predicate")),
        row.getString("definition"),
        row.getBoolean("valid"),
        row.getBoolean("inherited"));
  }

  /**
   * The numbers of a vector or array as PostgreSQL writes them: {@code 1 2} (int2vector, oidvector)
   * or {@code {1,2}} (int2[]); none for null.
   */
  static long[] numbers(String text) {
    if (text == null) {
      return new long[0];
    }
    String inner = text.startsWith("{") ? text.substring(1, text.length() - 1) : text;
    return inner.isBlank()
        ? new long[0]
        : Arrays.stream(inner.split("[ ,]")).mapToLong(Long::parseLong).toArray();
  }

  /** pg_get_viewdef writes the query after a space and ends it with a semicolon: both go. */
  private static View view(Row row, QualifiedName name) {
    String definition = row.getString("definition").strip();
    if (definition.endsWith(";")) {
      definition = definition.substring(0, definition.length() - 1);
    }
    List<String> dependencySchemas = strings(row, "depends_on_schemas");
    List<String> dependencyNames = strings(row, "depends_on_names");
    List<QualifiedName> dependsOn = new ArrayList<>();
    for (int i = 0; i < dependencyNames.size(); i++) {
      dependsOn.add(QualifiedName.of(dependencySchemas.get(i), dependencyNames.get(i)));
    }
    return new View(name, row.getBoolean("materialized"), definition, dependsOn);
  }

  private static List<String> strings(Row row, String column) {
    String[] values = row.getArrayOfStrings(column);
    return values == null ? List.of() : Arrays.asList(values);
  }

  /**
   * A constraint row; its key columns are named by the query, an expression by its text. A key the
   * query could not name (null) makes the constraint unreadable rather than a constraint on no
   * column.
   */
  private static Constraint constraint(Row row, QualifiedName table) {
    String name = row.getString("name");
    List<String> columns = strings(row, "key_columns");
    if (columns.contains(null)) {
      throw new UnreadableException(
          "a key of it is neither a column nor an expression of an index (conkey "
              + row.getString("key_columns")
              + ")");
    }
    String definition = row.getString("definition");
    boolean inherited = row.getBoolean("inherited");
    return switch (row.getString("kind")) {
      case "p" -> new PrimaryKey(name, columns, definition, inherited);
      case "u" -> new UniqueConstraint(name, columns, definition, inherited);
      case "c" -> new CheckConstraint(name, columns, definition, inherited);
      case "x" -> new ExclusionConstraint(name, columns, definition, inherited);
      case "f" ->
          new ForeignKey(
              name,
              columns,
              QualifiedName.of(
                  row.getString("referenced_schema"), row.getString("referenced_table")),
              strings(row, "referenced_columns"),
              ReferentialAction.fromCode(row.getString("on_delete").charAt(0)),
              ReferentialAction.fromCode(row.getString("on_update").charAt(0)),
              definition,
              inherited);
      default ->
          throw new UnreadableException(
              "constraints of kind `"
                  + row.getString("kind")
                  + "` of "
                  + table
                  + " are not modelled");
    };
  }

  /** Why an object was left out, for {@link Unreadable#read} to report. */
  private static final class UnreadableException extends RuntimeException {

    UnreadableException(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * The objects the reader could not model. Reading one is guarded: whatever goes wrong with it (a
   * value the model does not expect) becomes its report, and the rest of the catalog is read.
   */
  private static final class Unreadable {

    final List<UnreadableObject> objects = new ArrayList<>();

    <T> Optional<T> read(String kind, QualifiedName object, String member, Supplier<T> reading) {
      try {
        return Optional.of(reading.get());
      } catch (UnreadableException e) {
        add(kind, object, member, e.getMessage());
      } catch (RuntimeException e) {
        add(kind, object, member, "driftwatch could not model it (" + e + ")");
      }
      return Optional.empty();
    }

    void add(String kind, QualifiedName object, String member, String reason) {
      objects.add(new UnreadableObject(kind, object, member, reason));
    }
  }

  /** A table's rows from the several result sets, until they are all in. */
  private static final class TableParts {

    final QualifiedName name;
    final Optional<String> partitionKey;
    final Optional<Partition> partitionOf;
    final List<Column> columns = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<UniqueConstraint> uniques = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<CheckConstraint> checks = new ArrayList<>();
    final List<ExclusionConstraint> exclusions = new ArrayList<>();
    PrimaryKey primaryKey;

    /** False once a column could not be read: the table is then left out whole. */
    boolean complete = true;

    TableParts(QualifiedName name, Optional<String> partitionKey, Optional<Partition> partitionOf) {
      this.name = name;
      this.partitionKey = partitionKey;
      this.partitionOf = partitionOf;
    }

    void add(Constraint constraint) {
      if (constraint instanceof PrimaryKey key) {
        primaryKey = key;
      } else if (constraint instanceof UniqueConstraint unique) {
        uniques.add(unique);
      } else if (constraint instanceof CheckConstraint check) {
        checks.add(check);
      } else if (constraint instanceof ExclusionConstraint exclusion) {
        exclusions.add(exclusion);
      } else if (constraint instanceof ForeignKey key) {
        foreignKeys.add(key);
      }
    }

    Table table() {
      return new Table(
          name,
          columns,
          Optional.ofNullable(primaryKey),
          uniques,
          foreignKeys,
          checks,
          exclusions,
          indexes,
          partitionKey,
          partitionOf);
    }
  }
}
