package io.driftwatch.core.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When the migrations are right and the database drifted: the SQL that gives the database back the
 * schema the migrations build. Meant to be read, then run by a person; it is not a migration (the
 * history already has it).
 *
 * @param statements the steps' SQL in the order they run
 * @param dataLoss the statements that delete data ({@code DROP TABLE}, {@code DROP COLUMN})
 * @param sql the whole script: a header (with a data-loss warning when there is any), then the
 *     statements
 */
public record RestorePlan(List<String> statements, List<String> dataLoss, String sql) {

  public RestorePlan {
    statements = List.copyOf(statements);
    dataLoss = List.copyOf(dataLoss);
    Objects.requireNonNull(sql, "sql");
  }

  /**
   * The plan for this drift, in a safe order: views, foreign keys, indexes and constraints dropped
   * first, then tables and columns, enums, tables, columns, constraints, indexes, foreign keys and
   * views created. The drift carries the expected side's SQL (rendered from the expected catalog
   * when it was compared).
   */
  public static RestorePlan from(SchemaDrift drift) {
    Objects.requireNonNull(drift, "drift");
    List<Step> steps = Script.order(drift, Drift::restoreSteps);
    List<String> statements = steps.stream().map(Step::sql).toList();
    List<String> dataLoss = new ArrayList<>();
    for (Step step : steps) {
      for (String line : step.sql().split("\n")) {
        if (line.startsWith("DROP TABLE ") || line.contains(" DROP COLUMN ")) {
          dataLoss.add(line);
        }
      }
    }
    StringBuilder sql = new StringBuilder();
    if (steps.isEmpty()) {
      sql.append("-- No drift: the database already has the schema the migrations build.\n");
    } else {
      sql.append("-- Restores the schema the migrations build. Review it, back up, then run it.\n");
      if (!dataLoss.isEmpty()) {
        sql.append("-- WARNING: data loss. These statements delete the data of what they drop:\n");
        dataLoss.forEach(statement -> sql.append("--   ").append(statement).append('\n'));
      }
      sql.append('\n').append(Script.render(steps));
    }
    return new RestorePlan(statements, dataLoss, sql.toString());
  }
}
