package io.driftwatch.core.catalog;

import java.util.Optional;

/**
 * The DDL that needs only names, no definition: the drops, renames and column changes that reverse
 * SQL writes to take a migration back. Each answer is one statement, ending with {@code ;}. A
 * database's dialect gives one ({@code core.dialect.SqlDialect#names}); PostgreSQL's is {@link
 * PostgresNameDdl}.
 */
public interface NameDdl {

  String dropTable(QualifiedName table);

  String dropColumn(QualifiedName table, String column);

  String dropConstraint(QualifiedName table, String constraint);

  /**
   * @param table the index's table when known (MySQL names an index within its table), else null
   */
  String dropIndex(QualifiedName index, QualifiedName table);

  String dropType(QualifiedName type);

  String dropView(QualifiedName view);

  String dropSequence(QualifiedName sequence);

  String dropExtension(String extension);

  String dropSchema(String schema);

  String renameTable(QualifiedName table, String to);

  String renameColumn(QualifiedName table, String column, String to);

  String renameConstraint(QualifiedName table, String constraint, String to);

  /** See {@link #dropIndex} for {@code table}. */
  String renameIndex(QualifiedName index, QualifiedName table, String to);

  String renameType(QualifiedName type, String to);

  String renameEnumValue(QualifiedName type, String value, String to);

  /** Makes the column required ({@code notNull}) or optional. */
  /**
   * @param previous the column's definition before the change, when known (MySQL restates a column
   *     whole)
   */
  String setNotNull(QualifiedName table, String column, boolean notNull, Optional<Column> previous);

  /** Gives the column back its previous default, or none when it had none. */
  String restoreDefault(QualifiedName table, Column previous);

  /** Gives the column back its previous type, converting the values. */
  String restoreType(QualifiedName table, Column previous);
}
