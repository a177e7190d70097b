package io.driftwatch.core.dialect.mysql;

import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.QualifiedName;

/**
 * How MySQL writes names and a whole column: a column is restated in full wherever it changes
 * ({@code MODIFY COLUMN}), so one definition serves CREATE TABLE, ADD COLUMN and every change.
 */
final class MySqlColumns {

  private MySqlColumns() {}

  static String quote(String name) {
    return MySqlSql.INSTANCE.identifier(name);
  }

  static String quote(QualifiedName name) {
    return quote(name.schema()) + "." + quote(name.name());
  }

  /**
   * {@code `c` varchar(191) COLLATE utf8mb4_bin NOT NULL DEFAULT 'x' ON UPDATE ... AUTO_INCREMENT},
   * or {@code `c` int GENERATED ALWAYS AS (a + b) STORED NULL} for a generated column.
   */
  static String definition(Column column) {
    StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(column.type());
    column.collation().ifPresent(collation -> sql.append(" COLLATE ").append(collation));
    if (column.generatedExpression().isPresent()) {
      String generated = column.generatedExpression().get();
      String storage = generated.endsWith(" VIRTUAL") ? "VIRTUAL" : "STORED";
      String expression =
          generated.endsWith(" " + storage)
              ? generated.substring(0, generated.length() - storage.length() - 1)
              : generated;
      sql.append(" GENERATED ALWAYS AS (").append(expression).append(") ").append(storage);
    }
    sql.append(column.nullable() ? " NULL" : " NOT NULL");
    column.defaultExpression().ifPresent(value -> sql.append(" DEFAULT ").append(value));
    column.onUpdate().ifPresent(value -> sql.append(" ON UPDATE ").append(value));
    if (column.autoIncrement()) {
      sql.append(" AUTO_INCREMENT");
    }
    return sql.toString();
  }

  /** {@code ALTER TABLE `s`.`t` MODIFY COLUMN <definition>;}. */
  static String modify(QualifiedName table, Column column) {
    return "ALTER TABLE " + quote(table) + " MODIFY COLUMN " + definition(column) + ";";
  }
}
