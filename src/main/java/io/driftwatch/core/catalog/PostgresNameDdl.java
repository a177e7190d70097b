package io.driftwatch.core.catalog;

import java.util.Optional;

/**
 * PostgreSQL's {@link NameDdl}: names quoted and qualified as {@link CatalogDdl} writes them; an
 * index, type or sequence renamed stays in its schema.
 */
public final class PostgresNameDdl implements NameDdl {

  public static final PostgresNameDdl INSTANCE = new PostgresNameDdl();

  private PostgresNameDdl() {}

  @Override
  public String dropTable(QualifiedName table) {
    return "DROP TABLE " + table.quoted() + ";";
  }

  @Override
  public String dropColumn(QualifiedName table, String column) {
    return alterTable(table) + " DROP COLUMN " + CatalogDdl.quote(column) + ";";
  }

  @Override
  public String dropConstraint(QualifiedName table, String constraint) {
    return alterTable(table) + " DROP CONSTRAINT " + CatalogDdl.quote(constraint) + ";";
  }

  @Override
  public String dropIndex(QualifiedName index, QualifiedName table) {
    return "DROP INDEX " + index.quoted() + ";";
  }

  @Override
  public String dropType(QualifiedName type) {
    return "DROP TYPE " + type.quoted() + ";";
  }

  @Override
  public String dropView(QualifiedName view) {
    return "DROP VIEW " + view.quoted() + ";";
  }

  @Override
  public String dropSequence(QualifiedName sequence) {
    return "DROP SEQUENCE " + sequence.quoted() + ";";
  }

  @Override
  public String dropExtension(String extension) {
    return "DROP EXTENSION " + CatalogDdl.quote(extension) + ";";
  }

  @Override
  public String dropSchema(String schema) {
    return "DROP SCHEMA " + CatalogDdl.quote(schema) + ";";
  }

  @Override
  public String renameTable(QualifiedName table, String to) {
    return alterTable(table) + " RENAME TO " + CatalogDdl.quote(to) + ";";
  }

  @Override
  public String renameColumn(QualifiedName table, String column, String to) {
    return alterTable(table)
        + " RENAME COLUMN "
        + CatalogDdl.quote(column)
        + " TO "
        + CatalogDdl.quote(to)
        + ";";
  }

  @Override
  public String renameConstraint(QualifiedName table, String constraint, String to) {
    return alterTable(table)
        + " RENAME CONSTRAINT "
        + CatalogDdl.quote(constraint)
        + " TO "
        + CatalogDdl.quote(to)
        + ";";
  }

  @Override
  public String renameIndex(QualifiedName index, QualifiedName table, String to) {
    return "ALTER INDEX " + index.quoted() + " RENAME TO " + CatalogDdl.quote(to) + ";";
  }

  @Override
  public String renameType(QualifiedName type, String to) {
    return "ALTER TYPE " + type.quoted() + " RENAME TO " + CatalogDdl.quote(to) + ";";
  }

  @Override
  public String renameEnumValue(QualifiedName type, String value, String to) {
    return "ALTER TYPE "
        + type.quoted()
        + " RENAME VALUE "
        + CatalogDdl.literal(value)
        + " TO "
        + CatalogDdl.literal(to)
        + ";";
  }

  @Override
  public String setNotNull(
      QualifiedName table, String column, boolean notNull, Optional<Column> previous) {
    return alterColumn(table, column) + (notNull ? " SET NOT NULL;" : " DROP NOT NULL;");
  }

  @Override
  public String restoreDefault(QualifiedName table, Column previous) {
    return alterColumn(table, previous.name())
        + previous
            .defaultExpression()
            .map(expression -> " SET DEFAULT " + expression + ";")
            .orElse(" DROP DEFAULT;");
  }

  /**
   * {@code USING "column"::type}: the values are cast back, and the statement fails on one that
   * does not fit.
   */
  @Override
  public String restoreType(QualifiedName table, Column previous) {
    String type = previous.userType().map(QualifiedName::quoted).orElse(previous.type());
    return alterColumn(table, previous.name())
        + " SET DATA TYPE "
        + type
        + " USING "
        + CatalogDdl.quote(previous.name())
        + "::"
        + type
        + ";";
  }

  private static String alterTable(QualifiedName table) {
    return "ALTER TABLE " + table.quoted();
  }

  private static String alterColumn(QualifiedName table, String column) {
    return alterTable(table) + " ALTER COLUMN " + CatalogDdl.quote(column);
  }
}
