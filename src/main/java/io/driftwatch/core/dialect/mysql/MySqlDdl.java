package io.driftwatch.core.dialect.mysql;

import static io.driftwatch.core.dialect.mysql.MySqlColumns.quote;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.CheckConstraint;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.Constraint;
import io.driftwatch.core.catalog.EnumType;
import io.driftwatch.core.catalog.Extension;
import io.driftwatch.core.catalog.ForeignKey;
import io.driftwatch.core.catalog.Index;
import io.driftwatch.core.catalog.PrimaryKey;
import io.driftwatch.core.catalog.Routine;
import io.driftwatch.core.catalog.SchemaDdl;
import io.driftwatch.core.catalog.Sequence;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.catalog.Trigger;
import io.driftwatch.core.catalog.UniqueConstraint;
import io.driftwatch.core.catalog.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The DDL MySQL and MariaDB speak for a catalog read by the MySQL reader, written the way Prisma
 * writes it for {@code provider = "mysql"}: backticks, {@code DEFAULT CHARACTER SET utf8mb4 COLLATE
 * utf8mb4_unicode_ci} on each table (the catalog does not keep a table's own collation; a column's
 * differing one is kept), the primary key inline, indexes and foreign keys after. An index's
 * definition is already the statement ({@code CREATE UNIQUE INDEX `x` ON `db`.`t`(`c`(191))}).
 *
 * <p>MySQL has no enum types, sequences or extensions (enums are a column's type, AUTO_INCREMENT a
 * column's flag): those calls answer a comment, as a catalog of MySQL never holds such objects.
 * Routines are not read from MySQL yet.
 */
final class MySqlDdl implements SchemaDdl {

  private static final String TABLE_OPTIONS =
      " DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";

  private final Catalog catalog;

  MySqlDdl(Catalog catalog) {
    this.catalog = catalog;
  }

  private static String none(String what) {
    return "-- MySQL has no " + what;
  }

  @Override
  public String createSchema(String schema) {
    return "CREATE DATABASE IF NOT EXISTS " + quote(schema) + TABLE_OPTIONS + ";";
  }

  @Override
  public String createExtension(Extension extension) {
    return none("extensions");
  }

  @Override
  public String dropExtension(Extension extension) {
    return none("extensions");
  }

  @Override
  public List<String> alterExtension(Extension from, Extension to) {
    return List.of(none("extensions"));
  }

  @Override
  public String createRoutine(Routine routine) {
    return "-- re-create " + routine.signature() + " by hand";
  }

  @Override
  public String dropRoutine(Routine routine) {
    return "-- drop " + routine.signature() + " by hand";
  }

  @Override
  public String createTrigger(Trigger trigger) {
    return trigger.definition() + ";";
  }

  @Override
  public String dropTrigger(Trigger trigger) {
    return "DROP TRIGGER " + quote(trigger.table().schema()) + "." + quote(trigger.name()) + ";";
  }

  @Override
  public String setTriggerFiring(Trigger trigger) {
    return "-- MySQL triggers are always enabled";
  }

  @Override
  public String createEnum(EnumType type) {
    return none("enum types: ENUM(...) is written in each column");
  }

  @Override
  public String dropEnum(EnumType type) {
    return none("enum types");
  }

  @Override
  public String addEnumValue(EnumType type, String value) {
    return none("enum types: restate the column's ENUM(...) with the value");
  }

  @Override
  public List<String> recreateEnum(EnumType type) {
    return List.of(none("enum types"));
  }

  @Override
  public String createSequence(Sequence sequence) {
    return none("sequences");
  }

  @Override
  public String dropSequence(Sequence sequence) {
    return none("sequences");
  }

  @Override
  public String alterSequence(Sequence sequence) {
    return none("sequences");
  }

  @Override
  public Optional<String> sequenceOwnership(Sequence sequence) {
    return Optional.empty();
  }

  /** The columns and the primary key (which an AUTO_INCREMENT column needs from the start). */
  @Override
  public String createTable(Table table) {
    List<String> lines = new ArrayList<>();
    for (Column column : table.columns()) {
      lines.add("    " + MySqlColumns.definition(column));
    }
    StringBuilder sql =
        new StringBuilder("CREATE TABLE ")
            .append(quote(table.name()))
            .append(" (\n")
            .append(String.join(",\n", lines));
    table
        .primaryKey()
        .ifPresent(
            key ->
                sql.append(lines.isEmpty() ? "" : ",\n\n").append("    ").append(primaryKey(key)));
    return sql.append("\n)").append(TABLE_OPTIONS).append(';').toString();
  }

  private static String primaryKey(PrimaryKey key) {
    return "PRIMARY KEY ("
        + key.columns().stream().map(MySqlColumns::quote).collect(Collectors.joining(", "))
        + ")";
  }

  @Override
  public List<String> reproduceTable(Table table) {
    List<String> statements = new ArrayList<>();
    statements.add(createTable(table));
    for (Constraint constraint : table.constraints()) {
      if (constraint instanceof UniqueConstraint || constraint instanceof CheckConstraint) {
        statements.add(addConstraint(table, constraint));
      }
    }
    for (Index index : table.indexes()) {
      if (!index.constraintBacked()) {
        statements.add(createIndex(table, index));
      }
    }
    for (ForeignKey key : table.foreignKeys()) {
      statements.add(addConstraint(table, key));
    }
    return List.copyOf(statements);
  }

  @Override
  public String dropTable(Table table) {
    return "DROP TABLE " + quote(table.name()) + ";";
  }

  @Override
  public String addColumn(Table table, Column column) {
    return "ALTER TABLE "
        + quote(table.name())
        + " ADD COLUMN "
        + MySqlColumns.definition(column)
        + ";";
  }

  @Override
  public String dropColumn(Table table, Column column) {
    return "ALTER TABLE " + quote(table.name()) + " DROP COLUMN " + quote(column.name()) + ";";
  }

  /** MySQL restates the column: one {@code MODIFY COLUMN} whatever differs. */
  @Override
  public List<String> alterColumn(Table table, Column from, Column to) {
    if (!from.name().equals(to.name())) {
      throw new IllegalArgumentException(
          "cannot alter column `" + from.name() + "` into `" + to.name() + "`");
    }
    return from.equals(to) ? List.of() : List.of(MySqlColumns.modify(table.name(), to));
  }

  @Override
  public String addConstraint(Table table, Constraint constraint) {
    String head = "ALTER TABLE " + quote(table.name()) + " ADD ";
    if (constraint instanceof PrimaryKey key) {
      return head + primaryKey(key) + ";";
    }
    return head + "CONSTRAINT " + quote(constraint.name()) + " " + constraint.definition() + ";";
  }

  @Override
  public String dropConstraint(Table table, Constraint constraint) {
    String head = "ALTER TABLE " + quote(table.name());
    return switch (constraint.kind()) {
      case PRIMARY_KEY -> head + " DROP PRIMARY KEY;";
      case FOREIGN_KEY -> head + " DROP FOREIGN KEY " + quote(constraint.name()) + ";";
      case CHECK -> head + " DROP CONSTRAINT " + quote(constraint.name()) + ";";
      default -> head + " DROP INDEX " + quote(constraint.name()) + ";";
    };
  }

  @Override
  public String createIndex(Table table, Index index) {
    return index.definition() + ";";
  }

  @Override
  public String dropIndex(Table table, Index index) {
    return index.primary()
        ? "ALTER TABLE " + quote(table.name()) + " DROP PRIMARY KEY;"
        : "DROP INDEX " + quote(index.name()) + " ON " + quote(table.name()) + ";";
  }

  @Override
  public String createView(View view) {
    return "CREATE VIEW " + quote(view.name()) + " AS " + view.definition() + ";";
  }

  @Override
  public String dropView(View view) {
    return "DROP VIEW " + quote(view.name()) + ";";
  }

  /** Tables, then their indexes and checks, then foreign keys, views and triggers. */
  @Override
  public String script() {
    List<String> sections = new ArrayList<>();
    for (Table table : catalog.tables()) {
      sections.add("-- CreateTable\n" + createTable(table));
    }
    for (Table table : catalog.tables()) {
      for (Index index : table.indexes()) {
        if (!index.constraintBacked()) {
          sections.add("-- CreateIndex\n" + createIndex(table, index));
        }
      }
      for (CheckConstraint check : table.checkConstraints()) {
        sections.add("-- AddConstraint\n" + addConstraint(table, check));
      }
    }
    for (Table table : catalog.tables()) {
      for (ForeignKey key : table.foreignKeys()) {
        sections.add("-- AddForeignKey\n" + addConstraint(table, key));
      }
    }
    for (View view : catalog.views()) {
      sections.add("-- CreateView\n" + createView(view));
    }
    for (Trigger trigger : catalog.triggers()) {
      sections.add("-- CreateTrigger\n" + createTrigger(trigger));
    }
    return String.join("\n\n", sections) + (sections.isEmpty() ? "" : "\n");
  }
}
