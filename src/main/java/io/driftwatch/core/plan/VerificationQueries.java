package io.driftwatch.core.plan;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.dialect.VerificationSql;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.SchemaObject;
import io.driftwatch.core.effect.SchemaObject.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queries that prove a deploy did what it should: the history rows Prisma writes, and for every
 * object the migrations create (or drop), a lookup. The columns a migration adds to one table are
 * checked by one count. Which checks, in the dialect's SQL ({@link VerificationSql}).
 */
public final class VerificationQueries {

  private VerificationQueries() {}

  /**
   * @param dialect the SQL the queries are written in
   * @param historySchema the schema of {@code _prisma_migrations}
   * @param deployed the migrations that must end applied, in order, with their effects
   */
  public static List<VerificationQuery> of(
      SqlDialect dialect, String historySchema, Map<String, List<Effect>> deployed) {
    VerificationSql sql = dialect.verification();
    List<VerificationQuery> queries = new ArrayList<>();
    if (deployed.isEmpty()) {
      return queries;
    }
    QualifiedName history = QualifiedName.of(historySchema, "_prisma_migrations");
    queries.add(
        new VerificationQuery(
            "every migration of the deploy is recorded as applied",
            sql.appliedCount(history, List.copyOf(deployed.keySet())),
            "count = " + deployed.size()));
    queries.add(
        new VerificationQuery(
            "no migration is left failed (P3009)", sql.leftFailed(history), "no row"));
    deployed.forEach((migration, effects) -> queries.addAll(objects(sql, migration, effects)));
    return queries;
  }

  private static List<VerificationQuery> objects(
      VerificationSql sql, String migration, List<Effect> effects) {
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
      queries.add(
          new VerificationQuery(
              migration + ": " + (creates ? "" : "dropped ") + object.describe(),
              sql.exists(object),
              creates ? "1 row" : "no row"));
    }
    columns.forEach(
        (table, names) ->
            queries.add(
                new VerificationQuery(
                    migration + ": " + names.size() + " column(s) of " + table.quoted(),
                    sql.columnCount(table, names),
                    "count = " + names.size())));
    return queries;
  }
}
