package io.driftwatch.core.plan;

import static io.driftwatch.core.catalog.CatalogDdl.literal;

import io.driftwatch.core.catalog.CatalogDdl;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.SchemaObject;
import io.driftwatch.core.effect.SchemaObject.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The queries that prove a deploy did what it should: the history rows Prisma writes, and for every
 * object the migrations create (or drop), an {@code information_schema} or {@code pg_catalog}
 * lookup. The columns a migration adds to one table are checked by one count.
 */
public final class VerificationQueries {

  private VerificationQueries() {}

  /**
   * @param historySchema the schema of {@code _prisma_migrations}
   * @param deployed the migrations that must end applied, in order, with their effects
   */
  public static List<VerificationQuery> of(
      String historySchema, Map<String, List<Effect>> deployed) {
    List<VerificationQuery> queries = new ArrayList<>();
    if (deployed.isEmpty()) {
      return queries;
    }
    String history = QualifiedName.of(historySchema, "_prisma_migrations").quoted();
    String names =
        deployed.keySet().stream().map(CatalogDdl::literal).collect(Collectors.joining(", "));
    queries.add(
        new VerificationQuery(
            "every migration of the deploy is recorded as applied",
            "SELECT count(DISTINCT migration_name) FROM "
                + history
                + " WHERE migration_name IN ("
                + names
                + ") AND finished_at IS NOT NULL AND rolled_back_at IS NULL;",
            "count = " + deployed.size()));
    queries.add(
        new VerificationQuery(
            "no migration is left failed (P3009)",
            "SELECT migration_name FROM "
                + history
                + " WHERE finished_at IS NULL AND rolled_back_at IS NULL;",
            "no row"));
    deployed.forEach((migration, effects) -> queries.addAll(objects(migration, effects)));
    return queries;
  }

  private static List<VerificationQuery> objects(String migration, List<Effect> effects) {
    List<VerificationQuery> queries = new ArrayList<>();
    Map<QualifiedName, List<String>> columns = new LinkedHashMap<>();
    for (Effect effect : effects) {
      SchemaObject object = effect.object();
      boolean creates =
          effect.action() == Effect.Action.CREATE || effect.action() == Effect.Action.RENAME;
      if (!creates && effect.action() != Effect.Action.DROP) {
        continue;
      }
      if (creates && object.kind() == Kind.COLUMN) {
        columns.computeIfAbsent(object.name(), table -> new ArrayList<>()).add(object.part());
        continue;
      }
      String lookup = lookup(object);
      if (lookup != null) {
        queries.add(
            new VerificationQuery(
                migration + ": " + (creates ? "" : "dropped ") + object.describe(),
                lookup,
                creates ? "1 row" : "no row"));
      }
    }
    columns.forEach(
        (table, names) ->
            queries.add(
                new VerificationQuery(
                    migration + ": " + names.size() + " column(s) of " + table.quoted(),
                    "SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                        + literal(table.schema())
                        + " AND table_name = "
                        + literal(table.name())
                        + " AND column_name IN ("
                        + names.stream().map(CatalogDdl::literal).collect(Collectors.joining(", "))
                        + ");",
                    "count = " + names.size())));
    return queries;
  }

  /** A query that returns one row when the object exists. */
  static String lookup(SchemaObject object) {
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
