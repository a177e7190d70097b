package io.driftwatch.core.dialect.mysql;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.dialect.VerificationSql;
import io.driftwatch.core.effect.SchemaObject;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MySQL's and MariaDB's verification queries, on {@code information_schema} alone (a schema is a
 * database; index names belong to their table, so an index is looked up by schema and name).
 */
final class MySqlVerificationSql implements VerificationSql {

  static final MySqlVerificationSql INSTANCE = new MySqlVerificationSql();

  private MySqlVerificationSql() {}

  private static String literal(String value) {
    return MySqlSql.INSTANCE.literal(value);
  }

  private static String table(QualifiedName name) {
    return MySqlSql.INSTANCE.identifier(name.schema())
        + "."
        + MySqlSql.INSTANCE.identifier(name.name());
  }

  private static String list(List<String> values) {
    return values.stream().map(MySqlVerificationSql::literal).collect(Collectors.joining(", "));
  }

  @Override
  public String appliedCount(QualifiedName history, List<String> migrations) {
    return "SELECT count(DISTINCT migration_name) FROM "
        + table(history)
        + " WHERE migration_name IN ("
        + list(migrations)
        + ") AND finished_at IS NOT NULL AND rolled_back_at IS NULL;";
  }

  @Override
  public String leftFailed(QualifiedName history) {
    return "SELECT migration_name FROM "
        + table(history)
        + " WHERE finished_at IS NULL AND rolled_back_at IS NULL;";
  }

  @Override
  public String columnCount(QualifiedName table, List<String> columns) {
    return "SELECT count(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
        + literal(table.schema())
        + " AND TABLE_NAME = "
        + literal(table.name())
        + " AND COLUMN_NAME IN ("
        + list(columns)
        + ");";
  }

  @Override
  public String exists(SchemaObject object) {
    String schema = literal(object.name().schema());
    String name = literal(object.name().name());
    String part = literal(object.part());
    return switch (object.kind()) {
      case TABLE ->
          "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
              + schema
              + " AND TABLE_NAME = "
              + name
              + " AND TABLE_TYPE = 'BASE TABLE';";
      case VIEW ->
          "SELECT 1 FROM information_schema.VIEWS WHERE TABLE_SCHEMA = "
              + schema
              + " AND TABLE_NAME = "
              + name
              + ";";
      case COLUMN ->
          "SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
              + schema
              + " AND TABLE_NAME = "
              + name
              + " AND COLUMN_NAME = "
              + part
              + ";";
      case CONSTRAINT ->
          "SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = "
              + schema
              + " AND TABLE_NAME = "
              + name
              + " AND CONSTRAINT_NAME = "
              + part
              + ";";
      case INDEX ->
          "SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = "
              + schema
              + " AND INDEX_NAME = "
              + name
              + " LIMIT 1;";
      case SCHEMA -> "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = " + name + ";";
      // An enum lives inline in its column on MySQL: the column's type names its values.
      case ENUM, ENUM_VALUE ->
          "SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
              + schema
              + " AND DATA_TYPE = 'enum'"
              + (object.part().isEmpty()
                  ? ""
                  : " AND COLUMN_TYPE LIKE "
                      + literal("%'" + object.part().replace("'", "''") + "'%"))
              + ";";
      // MySQL has neither sequences (AUTO_INCREMENT is a column's) nor extensions.
      case SEQUENCE, EXTENSION -> "SELECT 1 FROM DUAL WHERE FALSE;";
    };
  }
}
