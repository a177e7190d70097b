package io.driftwatch.core.dialect.mysql;

import static io.driftwatch.core.dialect.mysql.MySqlColumns.quote;

import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.NameDdl;
import io.driftwatch.core.catalog.QualifiedName;
import java.util.Optional;

/**
 * MySQL's {@link NameDdl}. An index is named within its table ({@code DROP INDEX i ON t}); a
 * constraint is dropped with {@code DROP CONSTRAINT} (MySQL 8.0.19, MariaDB 10.2) or {@code DROP
 * PRIMARY KEY}; a column is restated whole to change its nullability or type. What MySQL cannot do
 * (rename a constraint; enums, sequences and extensions, which it does not have) is said in a
 * comment instead of a statement that would fail.
 */
final class MySqlNameDdl implements NameDdl {

  static final MySqlNameDdl INSTANCE = new MySqlNameDdl();

  private MySqlNameDdl() {}

  @Override
  public String dropTable(QualifiedName table) {
    return "DROP TABLE " + quote(table) + ";";
  }

  @Override
  public String dropColumn(QualifiedName table, String column) {
    return alterTable(table) + " DROP COLUMN " + quote(column) + ";";
  }

  @Override
  public String dropConstraint(QualifiedName table, String constraint) {
    return constraint.equals("PRIMARY")
        ? alterTable(table) + " DROP PRIMARY KEY;"
        : alterTable(table) + " DROP CONSTRAINT " + quote(constraint) + ";";
  }

  @Override
  public String dropIndex(QualifiedName index, QualifiedName table) {
    return table == null
        ? "-- drop index " + quote(index.name()) + " from its table: DROP INDEX <index> ON <table>;"
        : "DROP INDEX " + quote(index.name()) + " ON " + quote(table) + ";";
  }

  @Override
  public String dropType(QualifiedName type) {
    return "-- MySQL has no enum type to drop: " + quote(type.name()) + " lives in its columns";
  }

  @Override
  public String dropView(QualifiedName view) {
    return "DROP VIEW " + quote(view) + ";";
  }

  @Override
  public String dropSequence(QualifiedName sequence) {
    return "-- MySQL has no sequences: " + quote(sequence.name()) + " is a column's AUTO_INCREMENT";
  }

  @Override
  public String dropExtension(String extension) {
    return "-- MySQL has no extensions: nothing to drop for " + quote(extension);
  }

  @Override
  public String dropSchema(String schema) {
    return "DROP DATABASE " + quote(schema) + ";";
  }

  @Override
  public String renameTable(QualifiedName table, String to) {
    return "RENAME TABLE "
        + quote(table)
        + " TO "
        + quote(QualifiedName.of(table.schema(), to))
        + ";";
  }

  @Override
  public String renameColumn(QualifiedName table, String column, String to) {
    return alterTable(table) + " RENAME COLUMN " + quote(column) + " TO " + quote(to) + ";";
  }

  @Override
  public String renameConstraint(QualifiedName table, String constraint, String to) {
    return "-- MySQL cannot rename a constraint: drop "
        + quote(constraint)
        + " on "
        + quote(table)
        + " and add it again as "
        + quote(to);
  }

  @Override
  public String renameIndex(QualifiedName index, QualifiedName table, String to) {
    return table == null
        ? "-- rename index " + quote(index.name()) + " to " + quote(to) + " on its table"
        : alterTable(table) + " RENAME INDEX " + quote(index.name()) + " TO " + quote(to) + ";";
  }

  @Override
  public String renameType(QualifiedName type, String to) {
    return "-- MySQL has no enum type to rename: change the ENUM(...) of its columns";
  }

  @Override
  public String renameEnumValue(QualifiedName type, String value, String to) {
    return "-- MySQL renames an enum value by restating the ENUM(...) of each column that uses it";
  }

  @Override
  public String setNotNull(
      QualifiedName table, String column, boolean notNull, Optional<Column> previous) {
    return previous
        .map(
            definition ->
                MySqlColumns.modify(
                    table,
                    new Column(
                        definition.name(),
                        definition.type(),
                        definition.userType(),
                        !notNull,
                        definition.defaultExpression(),
                        definition.identity(),
                        definition.generatedExpression(),
                        definition.collation(),
                        definition.onUpdate(),
                        definition.autoIncrement())))
        .orElse(
            "-- restate "
                + quote(column)
                + " with MODIFY COLUMN and its type, "
                + (notNull ? "NOT NULL" : "NULL"));
  }

  @Override
  public String restoreDefault(QualifiedName table, Column previous) {
    return alterTable(table)
        + " ALTER COLUMN "
        + quote(previous.name())
        + previous
            .defaultExpression()
            .map(expression -> " SET DEFAULT " + expression + ";")
            .orElse(" DROP DEFAULT;");
  }

  @Override
  public String restoreType(QualifiedName table, Column previous) {
    return MySqlColumns.modify(table, previous);
  }

  private static String alterTable(QualifiedName table) {
    return "ALTER TABLE " + quote(table);
  }
}
