package io.driftwatch.core.dialect.postgres;

import static io.driftwatch.core.catalog.CatalogDdl.literal;

import io.driftwatch.core.catalog.CatalogDdl;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.dialect.VerificationSql;
import io.driftwatch.core.effect.SchemaObject;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL's verification queries: {@code information_schema} where it says enough, {@code
 * pg_catalog} for indexes, enums and extensions.
 */
final class PostgresVerificationSql implements VerificationSql {

  static final PostgresVerificationSql INSTANCE = new PostgresVerificationSql();

  private PostgresVerificationSql() {}

  @Override
  public String appliedCount(QualifiedName history, List<String> migrations) {
    return "SELECT count(DISTINCT migration_name) FROM "
        + history.quoted()
        + " WHERE migration_name IN ("
        + migrations.stream().map(CatalogDdl::literal).collect(Collectors.joining(", "))
        + ") AND finished_at IS NOT NULL AND rolled_back_at IS NULL;";
  }

  @Override
  public String leftFailed(QualifiedName history) {
    return "SELECT migration_name FROM "
        + history.quoted()
        + " WHERE finished_at IS NULL AND rolled_back_at IS NULL;";
  }

  @Override
  public String columnCount(QualifiedName table, List<String> columns) {
    return "SELECT count(*) FROM information_schema.columns WHERE table_schema = "
        + literal(table.schema())
        + " AND table_name = "
        + literal(table.name())
        + " AND column_name IN ("
        + columns.stream().map(CatalogDdl::literal).collect(Collectors.joining(", "))
        + ");";
  }

  @Override
  public String exists(SchemaObject object) {
    String schema = literal(object.name().schema());
    String name = literal(object.name().name());
    String part = literal(object.part());
    return switch (object.kind()) {
      case TABLE ->
          "SELECT 1 FROM information_schema.tables WHERE table_schema = "
              + schema
              + " AND table_name = "
              + name
              + ";";
      case VIEW ->
          "SELECT 1 FROM information_schema.views WHERE table_schema = "
              + schema
              + " AND table_name = "
              + name
              + ";";
      case SEQUENCE ->
          "SELECT 1 FROM information_schema.sequences WHERE sequence_schema = "
              + schema
              + " AND sequence_name = "
              + name
              + ";";
      case COLUMN ->
          "SELECT 1 FROM information_schema.columns WHERE table_schema = "
              + schema
              + " AND table_name = "
              + name
              + " AND column_name = "
              + part
              + ";";
      case CONSTRAINT ->
          "SELECT 1 FROM information_schema.table_constraints WHERE table_schema = "
              + schema
              + " AND table_name = "
              + name
              + " AND constraint_name = "
              + part
              + ";";
      case INDEX ->
          "SELECT 1 FROM pg_catalog.pg_indexes WHERE schemaname = "
              + schema
              + " AND indexname = "
              + name
              + ";";
      case ENUM ->
          "SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
              + " WHERE n.nspname = "
              + schema
              + " AND t.typname = "
              + name
              + " AND t.typtype = 'e';";
      case ENUM_VALUE ->
          "SELECT 1 FROM pg_catalog.pg_enum e JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid"
              + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = "
              + schema
              + " AND t.typname = "
              + name
              + " AND e.enumlabel = "
              + part
              + ";";
      case EXTENSION -> "SELECT 1 FROM pg_catalog.pg_extension WHERE extname = " + name + ";";
      case SCHEMA -> "SELECT 1 FROM information_schema.schemata WHERE schema_name = " + name + ";";
    };
  }
}
