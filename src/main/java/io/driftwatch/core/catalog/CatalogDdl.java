package io.driftwatch.core.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * PostgreSQL's {@link SchemaDdl}: the SQL that creates or drops the objects of a catalog, written
 * the way {@code prisma migrate dev} writes it: identifiers quoted ({@code "User"}), tables
 * schema-qualified as with Prisma's {@code multiSchema}, primary keys inside {@code CREATE TABLE},
 * foreign keys as {@code ALTER TABLE ... ADD CONSTRAINT} with both actions spelled out, {@code
 * SERIAL} for a column that owns its conventionally named sequence. Indexes, checks and views are
 * written from PostgreSQL's own definitions, which name everything with its schema.
 *
 * <p>Bound to the catalog the objects come from: a column is only known to be {@code SERIAL}
 * through the catalog's sequences, and an enum's columns through its tables. Every statement ends
 * with a semicolon.
 */
public final class CatalogDdl implements SchemaDdl {

  private static final String INDENT = "    ";

  private final Catalog catalog;

  public CatalogDdl(Catalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /** An identifier as Prisma writes it: always double-quoted, inner quotes doubled. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** A string literal: single-quoted, inner quotes doubled. */
  public static String literal(String value) {
    return '\'' + value.replace("'", "''") + '\'';
  }

  // Schemas and extensions

  public String createSchema(String schema) {
    return "CREATE SCHEMA IF NOT EXISTS " + quote(schema) + ";";
  }

  public String createExtension(Extension extension) {
    return "CREATE EXTENSION IF NOT EXISTS "
        + quote(extension.name())
        + " WITH SCHEMA "
        + quote(extension.schema())
        + ";";
  }

  public String dropExtension(Extension extension) {
    return "DROP EXTENSION " + quote(extension.name()) + ";";
  }

  /**
   * What turns the installed extension {@code from} into {@code to}: its version, then its schema.
   */
  public List<String> alterExtension(Extension from, Extension to) {
    List<String> statements = new ArrayList<>();
    if (!from.version().equals(to.version())) {
      statements.add(
          "ALTER EXTENSION " + quote(to.name()) + " UPDATE TO " + literal(to.version()) + ";");
    }
    if (!from.schema().equals(to.schema())) {
      statements.add(
          "ALTER EXTENSION " + quote(to.name()) + " SET SCHEMA " + quote(to.schema()) + ";");
    }
    return List.copyOf(statements);
  }

  // Functions, procedures and triggers

  /**
   * PostgreSQL's own {@code CREATE OR REPLACE FUNCTION} (or {@code PROCEDURE}): it creates or
   * replaces.
   */
  public String createRoutine(Routine routine) {
    return routine.definition() + ";";
  }

  public String dropRoutine(Routine routine) {
    return "DROP "
        + (routine.procedure() ? "PROCEDURE " : "FUNCTION ")
        + routine.name().quoted()
        + "("
        + routine.arguments()
        + ");";
  }

  /**
   * {@code CREATE TRIGGER}, then the {@code ALTER TABLE} that sets how it fires when it is not the
   * default.
   */
  public String createTrigger(Trigger trigger) {
    String create = trigger.definition() + ";";
    return trigger.firing() == TriggerFiring.ENABLED
        ? create
        : create + "\n" + setTriggerFiring(trigger);
  }

  public String dropTrigger(Trigger trigger) {
    return "DROP TRIGGER " + quote(trigger.name()) + " ON " + trigger.table().quoted() + ";";
  }

  /** {@code ALTER TABLE ... ENABLE / DISABLE TRIGGER}: how the trigger fires. */
  public String setTriggerFiring(Trigger trigger) {
    return "ALTER TABLE "
        + trigger.table().quoted()
        + " "
        + trigger.firing().action()
        + " TRIGGER "
        + quote(trigger.name())
        + ";";
  }

  // Enums

  public String createEnum(EnumType type) {
    return "CREATE TYPE " + type.name().quoted() + " AS ENUM (" + values(type.values()) + ");";
  }

  public String dropEnum(EnumType type) {
    return "DROP TYPE " + type.name().quoted() + ";";
  }

  /**
   * Adds one of the type's values where it stands in the type: after the value before it, or before
   * the next one when it comes first. Applied in the type's order, several additions rebuild the
   * order.
   */
  public String addEnumValue(EnumType type, String value) {
    int position = type.values().indexOf(value);
    if (position < 0) {
      throw new IllegalArgumentException(
          "`"
              + value
              + "` is not a value of "
              + type.name()
              + ": pass the enum as it should be, with the value");
    }
    String where = "";
    if (position > 0) {
      where = " AFTER " + literal(type.values().get(position - 1));
    } else if (type.values().size() > 1) {
      where = " BEFORE " + literal(type.values().get(1));
    }
    return "ALTER TYPE " + type.name().quoted() + " ADD VALUE " + literal(value) + where + ";";
  }

  /**
   * Gives an existing enum exactly the type's values, the way Prisma removes a value (PostgreSQL
   * cannot drop one): a new type, every column of this catalog that uses the enum converted through
   * {@code text}, the old type dropped, defaults restored. Indexes and checks of those tables whose
   * definition names the type are dropped before and created again after, since PostgreSQL cannot
   * rebuild them across two types. A value still stored in a row makes the conversion fail, as it
   * should; a view that reads such a column has to be dropped first.
   */
  public List<String> recreateEnum(EnumType type) {
    QualifiedName name = type.name();
    QualifiedName replacement = QualifiedName.of(name.schema(), name.name() + "_new");
    List<String> before = new ArrayList<>();
    List<String> convert = new ArrayList<>();
    List<String> restoreDefaults = new ArrayList<>();
    List<String> after = new ArrayList<>();
    for (Table table : catalog.tables()) {
      List<Column> columns =
          table.columns().stream()
              .filter(column -> column.userType().equals(Optional.of(name)))
              .toList();
      if (columns.isEmpty()) {
        continue;
      }
      for (Index index : table.indexes()) {
        if (!index.constraintBacked()
            && !index.inherited()
            && index.definition().contains(name.name())) {
          before.add(dropIndex(table, index));
          after.add(createIndex(table, index));
        }
      }
      for (CheckConstraint check : table.checkConstraints()) {
        if (!check.inherited() && check.definition().contains(name.name())) {
          before.add(dropConstraint(table, check));
          after.add(addConstraint(table, check));
        }
      }
      for (Column column : columns) {
        String alter =
            "ALTER TABLE " + table.name().quoted() + " ALTER COLUMN " + quote(column.name());
        column
            .defaultExpression()
            .ifPresent(
                expression -> {
                  before.add(alter + " DROP DEFAULT;");
                  restoreDefaults.add(alter + " SET DEFAULT " + expression + ";");
                });
        String array = column.type().endsWith("[]") ? "[]" : "";
        convert.add(
            alter
                + " TYPE "
                + replacement.quoted()
                + array
                + " USING ("
                + quote(column.name())
                + "::text"
                + array
                + "::"
                + replacement.quoted()
                + array
                + ");");
      }
    }
    List<String> statements = new ArrayList<>();
    statements.add(
        "CREATE TYPE " + replacement.quoted() + " AS ENUM (" + values(type.values()) + ");");
    statements.addAll(before);
    statements.addAll(convert);
    statements.add(
        "ALTER TYPE " + name.quoted() + " RENAME TO " + quote(name.name() + "_old") + ";");
    statements.add("ALTER TYPE " + replacement.quoted() + " RENAME TO " + quote(name.name()) + ";");
    statements.add(
        "DROP TYPE " + QualifiedName.of(name.schema(), name.name() + "_old").quoted() + ";");
    statements.addAll(restoreDefaults);
    statements.addAll(after);
    return List.copyOf(statements);
  }

  // Sequences

  public String createSequence(Sequence sequence) {
    return "CREATE SEQUENCE "
        + sequence.name().quoted()
        + " AS "
        + sequence.dataType()
        + " INCREMENT BY "
        + sequence.increment()
        + " START WITH "
        + sequence.start()
        + ";";
  }

  public String dropSequence(Sequence sequence) {
    return "DROP SEQUENCE " + sequence.name().quoted() + ";";
  }

  /** Gives an existing sequence of the same name the other's type, increment and start. */
  public String alterSequence(Sequence sequence) {
    return "ALTER SEQUENCE "
        + sequence.name().quoted()
        + " AS "
        + sequence.dataType()
        + " INCREMENT BY "
        + sequence.increment()
        + " START WITH "
        + sequence.start()
        + ";";
  }

  /**
   * {@code ALTER SEQUENCE ... OWNED BY} for an owned sequence that is not a {@code SERIAL}
   * column's.
   */
  public Optional<String> sequenceOwnership(Sequence sequence) {
    if (sequence.ownedBy().isEmpty() || serialSequences().contains(sequence.name())) {
      return Optional.empty();
    }
    ColumnRef owner = sequence.ownedBy().get();
    return Optional.of(
        "ALTER SEQUENCE "
            + sequence.name().quoted()
            + " OWNED BY "
            + owner.table().quoted()
            + "."
            + quote(owner.column())
            + ";");
  }

  // Tables and columns

  /**
   * {@code CREATE TABLE} with the columns and the primary key, or {@code PARTITION OF} for a
   * partition (which takes its columns and inherited keys from its parent). Other constraints,
   * indexes and foreign keys: {@link #reproduceTable(Table)}.
   */
  public String createTable(Table table) {
    StringBuilder sql = new StringBuilder("CREATE TABLE ").append(table.name().quoted());
    if (table.partitionOf().isPresent()) {
      Partition partition = table.partitionOf().get();
      sql.append(" PARTITION OF ").append(partition.parent().quoted());
      table
          .primaryKey()
          .filter(key -> !key.inherited())
          .ifPresent(
              key ->
                  sql.append(" (\n")
                      .append(INDENT)
                      .append(constraintClause(table, key))
                      .append("\n)"));
      sql.append(' ').append(partition.bound());
    } else {
      sql.append(" (\n");
      List<String> lines = new ArrayList<>();
      for (Column column : table.columns()) {
        lines.add(INDENT + columnDefinition(table, column));
      }
      sql.append(String.join(",\n", lines));
      Optional<PrimaryKey> key = table.primaryKey().filter(primaryKey -> !primaryKey.inherited());
      if (key.isPresent()) {
        sql.append(lines.isEmpty() ? "" : ",\n\n")
            .append(INDENT)
            .append(constraintClause(table, key.get()));
      }
      sql.append("\n)");
    }
    table
        .partitionKey()
        .ifPresent(partitionKey -> sql.append(" PARTITION BY ").append(partitionKey));
    return sql.append(';').toString();
  }

  /**
   * Everything that makes the table what it is, in an order that runs: {@code CREATE TABLE}, its
   * unique, check and exclusion constraints, its indexes, its foreign keys. What a partition
   * inherits comes with {@code PARTITION OF} and is left out.
   */
  public List<String> reproduceTable(Table table) {
    List<String> statements = new ArrayList<>();
    statements.add(createTable(table));
    statements.addAll(tableConstraints(table));
    statements.addAll(tableIndexes(table));
    statements.addAll(tableForeignKeys(table));
    return List.copyOf(statements);
  }

  public String dropTable(Table table) {
    return "DROP TABLE " + table.name().quoted() + ";";
  }

  public String addColumn(Table table, Column column) {
    return "ALTER TABLE "
        + table.name().quoted()
        + " ADD COLUMN "
        + columnDefinition(table, column)
        + ";";
  }

  public String dropColumn(Table table, Column column) {
    return "ALTER TABLE " + table.name().quoted() + " DROP COLUMN " + quote(column.name()) + ";";
  }

  /**
   * What turns column {@code from} into column {@code to} (same name, same table): one {@code ALTER
   * TABLE} with an action per difference, in the order Prisma writes them. A changed generation
   * expression cannot be altered in place: the column is dropped and added again, which loses its
   * data. Empty when the columns are alike.
   */
  public List<String> alterColumn(Table table, Column from, Column to) {
    if (!from.name().equals(to.name())) {
      throw new IllegalArgumentException(
          "cannot alter column `"
              + from.name()
              + "` into `"
              + to.name()
              + "`: a rename is a drop and an add");
    }
    if (!from.generatedExpression().equals(to.generatedExpression())) {
      return List.of(dropColumn(table, from), addColumn(table, to));
    }
    String column = "ALTER COLUMN " + quote(to.name());
    List<String> actions = new ArrayList<>();
    boolean typeChanged =
        !from.type().equals(to.type())
            || !from.userType().equals(to.userType())
            || !from.collation().equals(to.collation());
    boolean defaultChanged = !from.defaultExpression().equals(to.defaultExpression());
    if (from.defaultExpression().isPresent() && (defaultChanged || typeChanged)) {
      actions.add(column + " DROP DEFAULT");
    }
    if (from.identity().isPresent() && to.identity().isEmpty()) {
      actions.add(column + " DROP IDENTITY");
    }
    if (typeChanged) {
      String type = typeName(table, to);
      actions.add(
          column
              + " SET DATA TYPE "
              + type
              + to.collation().map(c -> " COLLATE " + c).orElse("")
              + " USING "
              + quote(to.name())
              + "::"
              + type);
    }
    if (from.nullable() != to.nullable()) {
      actions.add(column + (to.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
    }
    if (to.defaultExpression().isPresent() && (defaultChanged || typeChanged)) {
      actions.add(column + " SET DEFAULT " + to.defaultExpression().get());
    }
    if (to.identity().isPresent() && !to.identity().equals(from.identity())) {
      actions.add(
          column
              + (from.identity().isPresent()
                  ? " SET GENERATED " + to.identity().get().sql()
                  : " ADD GENERATED " + to.identity().get().sql() + " AS IDENTITY"));
    }
    if (actions.isEmpty()) {
      return List.of();
    }
    return List.of("ALTER TABLE " + table.name().quoted() + " " + String.join(", ", actions) + ";");
  }

  // Constraints and indexes

  /**
   * {@code ALTER TABLE ... ADD CONSTRAINT}; a foreign key or primary key the way Prisma writes it.
   */
  public String addConstraint(Table table, Constraint constraint) {
    return "ALTER TABLE "
        + table.name().quoted()
        + " ADD "
        + constraintClause(table, constraint)
        + ";";
  }

  public String dropConstraint(Table table, Constraint constraint) {
    return "ALTER TABLE "
        + table.name().quoted()
        + " DROP CONSTRAINT "
        + quote(constraint.name())
        + ";";
  }

  /**
   * The index's own definition. On a partitioned table it is written without {@code ONLY}, so it
   * reaches the partitions as it did when created. An index that a constraint owns comes with
   * {@link #addConstraint}.
   */
  public String createIndex(Table table, Index index) {
    if (index.constraintBacked()) {
      throw new IllegalArgumentException(
          "index `"
              + index.name()
              + "` belongs to a constraint of "
              + table.name()
              + ": render the constraint with addConstraint");
    }
    String definition = index.definition();
    if (table.partitioned()) {
      definition = definition.replaceFirst(" ON ONLY ", " ON ");
    }
    return definition + ";";
  }

  public String dropIndex(Table table, Index index) {
    if (index.constraintBacked()) {
      throw new IllegalArgumentException(
          "index `"
              + index.name()
              + "` belongs to a constraint of "
              + table.name()
              + ": drop the constraint with dropConstraint");
    }
    return "DROP INDEX " + QualifiedName.of(table.name().schema(), index.name()).quoted() + ";";
  }

  // Views

  public String createView(View view) {
    return "CREATE "
        + (view.materialized() ? "MATERIALIZED VIEW " : "VIEW ")
        + view.name().quoted()
        + " AS\n"
        + view.definition()
        + ";";
  }

  public String dropView(View view) {
    return "DROP "
        + (view.materialized() ? "MATERIALIZED VIEW " : "VIEW ")
        + view.name().quoted()
        + ";";
  }

  // The whole catalog

  /**
   * A script that builds the whole catalog in an empty database, in dependency order, with Prisma's
   * section comments: schemas, extensions, enums, sequences, tables (parents before partitions),
   * sequence ownership, functions and procedures, constraints, indexes, foreign keys, views (each
   * after the views it reads), triggers.
   */
  public String script() {
    List<String> sections = new ArrayList<>();
    for (String schema : catalog.schemas()) {
      if (!schema.equals("public")) {
        sections.add("-- CreateSchema\n" + createSchema(schema));
      }
    }
    for (Extension extension : catalog.extensions()) {
      sections.add("-- CreateExtension\n" + createExtension(extension));
    }
    for (EnumType type : catalog.enums()) {
      sections.add("-- CreateEnum\n" + createEnum(type));
    }
    Set<QualifiedName> serial = serialSequences();
    for (Sequence sequence : catalog.sequences()) {
      if (!serial.contains(sequence.name())) {
        sections.add("-- CreateSequence\n" + createSequence(sequence));
      }
    }
    List<Table> tables =
        dependenciesFirst(
            catalog.tables(),
            Table::name,
            table ->
                table
                    .partitionOf()
                    .map(partition -> List.of(partition.parent()))
                    .orElse(List.of()));
    for (Table table : tables) {
      sections.add("-- CreateTable\n" + createTable(table));
    }
    for (Sequence sequence : catalog.sequences()) {
      sequenceOwnership(sequence).ifPresent(sql -> sections.add("-- AlterSequence\n" + sql));
    }
    for (Routine routine : catalog.routines()) {
      sections.add("-- CreateFunction\n" + createRoutine(routine));
    }
    for (Table table : tables) {
      tableConstraints(table).forEach(sql -> sections.add("-- AddConstraint\n" + sql));
    }
    for (Table table : tables) {
      tableIndexes(table).forEach(sql -> sections.add("-- CreateIndex\n" + sql));
    }
    for (Table table : tables) {
      tableForeignKeys(table).forEach(sql -> sections.add("-- AddForeignKey\n" + sql));
    }
    for (View view : dependenciesFirst(catalog.views(), View::name, View::dependsOn)) {
      sections.add("-- CreateView\n" + createView(view));
    }
    for (Trigger trigger : catalog.triggers()) {
      sections.add("-- CreateTrigger\n" + createTrigger(trigger));
    }
    return String.join("\n\n", sections) + (sections.isEmpty() ? "" : "\n");
  }

  // Rendering details

  private List<String> tableConstraints(Table table) {
    List<String> statements = new ArrayList<>();
    for (Constraint constraint : table.constraints()) {
      if (!constraint.inherited()
          && (constraint instanceof UniqueConstraint
              || constraint instanceof CheckConstraint
              || constraint instanceof ExclusionConstraint)) {
        statements.add(addConstraint(table, constraint));
      }
    }
    return statements;
  }

  private List<String> tableIndexes(Table table) {
    return table.indexes().stream()
        .filter(index -> !index.constraintBacked() && !index.inherited())
        .map(index -> createIndex(table, index))
        .toList();
  }

  private List<String> tableForeignKeys(Table table) {
    return table.foreignKeys().stream()
        .filter(key -> !key.inherited())
        .map(key -> addConstraint(table, key))
        .toList();
  }

  private String constraintClause(Table table, Constraint constraint) {
    String clause = "CONSTRAINT " + quote(constraint.name()) + " ";
    if (constraint instanceof PrimaryKey key && plainKey(key.definition(), "PRIMARY KEY (")) {
      return clause + "PRIMARY KEY (" + columnList(key.columns()) + ")";
    }
    if (constraint instanceof ForeignKey key && plainForeignKey(key.definition())) {
      return clause
          + "FOREIGN KEY ("
          + columnList(key.columns())
          + ") REFERENCES "
          + key.referencedTable().quoted()
          + "("
          + columnList(key.referencedColumns())
          + ") ON DELETE "
          + key.onDelete().sql()
          + " ON UPDATE "
          + key.onUpdate().sql();
    }
    return clause + constraint.definition();
  }

  /** A key with nothing after its column list (no INCLUDE, DEFERRABLE, USING INDEX TABLESPACE). */
  private static boolean plainKey(String definition, String prefix) {
    return definition.startsWith(prefix) && definition.indexOf(')') == definition.length() - 1;
  }

  /**
   * A foreign key its fields describe entirely; otherwise PostgreSQL's definition is rendered as it
   * is.
   */
  private static boolean plainForeignKey(String definition) {
    return !definition.contains(" MATCH ")
        && !definition.contains(" DEFERRABLE")
        && !definition.contains(" NOT VALID")
        && !definition.contains(" SET NULL (")
        && !definition.contains(" SET DEFAULT (");
  }

  private String columnDefinition(Table table, Column column) {
    StringBuilder sql = new StringBuilder(quote(column.name())).append(' ');
    Optional<String> serial = serialType(table, column);
    if (serial.isPresent()) {
      return sql.append(serial.get()).append(" NOT NULL").toString();
    }
    sql.append(typeName(table, column));
    column.collation().ifPresent(collation -> sql.append(" COLLATE ").append(collation));
    column
        .generatedExpression()
        .ifPresent(
            expression ->
                sql.append(" GENERATED ALWAYS AS (").append(expression).append(") STORED"));
    if (!column.nullable()) {
      sql.append(" NOT NULL");
    }
    column.defaultExpression().ifPresent(expression -> sql.append(" DEFAULT ").append(expression));
    column
        .identity()
        .ifPresent(
            identity -> sql.append(" GENERATED ").append(identity.sql()).append(" AS IDENTITY"));
    return sql.toString();
  }

  /**
   * The column's type, qualified when it is a user type of the table's own schema (written
   * unqualified).
   */
  private static String typeName(Table table, Column column) {
    return column
        .userType()
        .filter(type -> type.schema().equals(table.name().schema()))
        .map(type -> quote(type.schema()) + "." + column.type())
        .orElse(column.type());
  }

  private static final Map<String, String> SERIAL_TYPES =
      Map.of("smallint", "SMALLSERIAL", "integer", "SERIAL", "bigint", "BIGSERIAL");

  /**
   * SERIAL, SMALLSERIAL or BIGSERIAL when the column is exactly what one creates: not null,
   * defaulting to the next value of a sequence of its type starting at 1 by 1, named {@code
   * <table>_<column>_seq} and owned by it.
   */
  private Optional<String> serialType(Table table, Column column) {
    String serial = SERIAL_TYPES.get(column.type());
    if (serial == null
        || column.nullable()
        || column.identity().isPresent()
        || column.userType().isPresent()) {
      return Optional.empty();
    }
    Optional<QualifiedName> sequenceName =
        column.defaultExpression().flatMap(CatalogDdl::nextvalSequence);
    if (sequenceName.isEmpty()) {
      return Optional.empty();
    }
    QualifiedName expected = serialSequenceName(table, column);
    if (!sequenceName.get().equals(expected)
        || expected.name().getBytes(StandardCharsets.UTF_8).length > 63) {
      return Optional.empty();
    }
    return catalog
        .sequence(expected)
        .filter(
            sequence ->
                sequence.ownedBy().equals(Optional.of(new ColumnRef(table.name(), column.name()))))
        .filter(sequence -> sequence.dataType().equals(column.type()))
        .filter(sequence -> sequence.start() == 1 && sequence.increment() == 1)
        .map(sequence -> serial);
  }

  private static QualifiedName serialSequenceName(Table table, Column column) {
    return QualifiedName.of(
        table.name().schema(), table.name().name() + "_" + column.name() + "_seq");
  }

  private Set<QualifiedName> serialSequences() {
    Set<QualifiedName> names = new LinkedHashSet<>();
    for (Table table : catalog.tables()) {
      if (table.partitionOf().isPresent()) {
        continue;
      }
      for (Column column : table.columns()) {
        if (serialType(table, column).isPresent()) {
          names.add(serialSequenceName(table, column));
        }
      }
    }
    return names;
  }

  /**
   * The sequence of a default {@code nextval('schema.name'::regclass)}, the name parsed the way
   * PostgreSQL writes a regclass: parts separated by dots, each bare (already lower case) or
   * double-quoted with doubled inner quotes.
   */
  static Optional<QualifiedName> nextvalSequence(String expression) {
    String prefix = "nextval('";
    String suffix = "'::regclass)";
    if (!expression.startsWith(prefix) || !expression.endsWith(suffix)) {
      return Optional.empty();
    }
    String name =
        expression
            .substring(prefix.length(), expression.length() - suffix.length())
            .replace("''", "'");
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i <= name.length()) {
      StringBuilder part = new StringBuilder();
      if (i < name.length() && name.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= name.length()) {
            return Optional.empty();
          }
          char c = name.charAt(i);
          if (c == '"') {
            if (i + 1 < name.length() && name.charAt(i + 1) == '"') {
              part.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          part.append(c);
          i++;
        }
      } else {
        while (i < name.length() && name.charAt(i) != '.') {
          part.append(name.charAt(i++));
        }
      }
      if (part.isEmpty()) {
        return Optional.empty();
      }
      parts.add(part.toString());
      if (i == name.length()) {
        break;
      }
      if (name.charAt(i) != '.') {
        return Optional.empty();
      }
      i++;
    }
    return parts.size() == 2
        ? Optional.of(QualifiedName.of(parts.get(0), parts.get(1)))
        : Optional.empty();
  }

  private static String values(List<String> values) {
    return String.join(", ", values.stream().map(CatalogDdl::literal).toList());
  }

  private static String columnList(List<String> columns) {
    return String.join(", ", columns.stream().map(CatalogDdl::quote).toList());
  }

  /**
   * Items in their order, each moved after what it depends on (a cycle, which PostgreSQL forbids,
   * is cut). A depth-first walk with a stack of its own, not a call per dependency: a chain of
   * thousands of views or foreign keys would overflow the thread's stack.
   */
  private static <T> List<T> dependenciesFirst(
      List<T> items,
      Function<T, QualifiedName> name,
      Function<T, List<QualifiedName>> dependencies) {
    Map<QualifiedName, T> byName = new HashMap<>();
    items.forEach(item -> byName.put(name.apply(item), item));
    Set<QualifiedName> placed = new LinkedHashSet<>();
    Set<QualifiedName> visiting = new HashSet<>();
    Deque<Visit> path = new ArrayDeque<>();
    for (T item : items) {
      QualifiedName start = name.apply(item);
      if (!visiting.add(start)) {
        continue;
      }
      path.push(new Visit(start, dependencies.apply(item).iterator()));
      while (!path.isEmpty()) {
        Visit top = path.peek();
        if (!top.dependencies().hasNext()) {
          path.pop();
          placed.add(top.name());
          continue;
        }
        QualifiedName dependency = top.dependencies().next();
        if (byName.containsKey(dependency) && visiting.add(dependency)) {
          path.push(new Visit(dependency, dependencies.apply(byName.get(dependency)).iterator()));
        }
      }
    }
    return placed.stream().map(byName::get).toList();
  }

  /** An item being placed, and the dependencies of it not looked at yet. */
  private record Visit(QualifiedName name, Iterator<QualifiedName> dependencies) {}
}
