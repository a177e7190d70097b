package io.driftwatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.core.AuditInput;
import io.driftwatch.core.Scenario;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.engine.AuditEngine;
import io.driftwatch.core.engine.Judgement;
import io.driftwatch.core.plan.ResolutionPlan;
import io.driftwatch.core.plan.ResolutionPlannerTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The report's copy of the plan carries every field of the engine's, under the same JSON names: the
 * stored reports and the API read exactly what they read when the engine's records were served as
 * they are.
 */
class PlanReportsTest {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final AuditEngine engine = new AuditEngine();

  @Test
  void a_plan_with_every_section_filled_reads_the_same_once_copied() {
    ResolutionPlan plan = everySection();

    JsonNode engine = JSON.valueToTree(plan);
    JsonNode report = JSON.valueToTree(PlanReports.of(plan));

    assertThat(report).isEqualTo(engine);
    for (String section :
        new String[] {
          "migrations", "failed", "phantoms", "steps", "preflight", "verification", "rollback"
        }) {
      assertThat(engine.get(section)).as(section).isNotEmpty();
    }
    JsonNode pending = engine.get("migrations").get(0);
    assertThat(pending.get("predictedFailures")).isNotEmpty();
    assertThat(pending.get("dataAtRisk")).isNotEmpty();
  }

  @Test
  void the_clean_baseline_steps_are_copied_too() {
    AuditInput input = ResolutionPlannerTest.badlyBroken().input();
    Judgement estimated = engine.judge(input, engine.join(input));
    ResolutionPlan plan = engine.withExactData(input, estimated, Set.of()).plan();

    assertThat(plan.data().baselineSteps()).isNotEmpty();
    assertThat(JSON.<JsonNode>valueToTree(PlanReports.of(plan))).isEqualTo(JSON.valueToTree(plan));
  }

  /**
   * A failed migration applied in part, a lost phantom, and a pending migration that drops a column
   * holding rows and creates a table the database already has.
   */
  private ResolutionPlan everySection() {
    AuditInput input =
        Scenario.create()
            .migration("1_init", "CREATE TABLE \"a\" (\"id\" INTEGER, \"note\" TEXT);\n")
            .deployed("1_init")
            .migration(
                "2_tables",
                "CREATE TABLE \"b\" (\"id\" INTEGER);\nCREATE TABLE \"c\" (\"id\" INTEGER);\n")
            .failed("2_tables", "ERROR: deadlock detected")
            .migration("3_hotfix", "SELECT 3;\n")
            .deployed("3_hotfix")
            .deleteDirectory("3_hotfix")
            .migration(
                "4_next",
                "ALTER TABLE \"a\" DROP COLUMN \"note\";\nCREATE TABLE \"b\" (\"id\" INTEGER);\n")
            .liveCatalog(ResolutionPlannerTest.live("a", "b"))
            .rowEstimates(TableRows.of(Map.of("public.a", 1200L)))
            .input();
    return engine.judge(input, engine.join(input)).plan();
  }
}
