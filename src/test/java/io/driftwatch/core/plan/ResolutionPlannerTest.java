package io.driftwatch.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.AuditInput;
import io.driftwatch.core.Scenario;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.engine.PlanInputs;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The planner end to end on engine results: the order of steps, and when a clean baseline is on the
 * table.
 */
public class ResolutionPlannerTest {

  private static final String TWO_TABLES =
      "CREATE TABLE \"a\" (\"id\" INTEGER);\nCREATE TABLE \"b\" (\"id\" INTEGER);\n";

  private final ResolutionPlanner planner = new ResolutionPlanner();

  /** A live catalog of tables with one nullable integer column {@code id} each. */
  public static Catalog live(String... tables) {
    return new Catalog(
        16,
        List.of("public"),
        Arrays.stream(tables)
            .map(
                name ->
                    Table.of(
                        QualifiedName.of("public", name),
                        List.of(Column.of("id", "integer", true))))
            .toList(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private ResolutionPlan plan(Scenario scenario, DataPresence data) {
    AuditInput input = scenario.input();
    return planner.plan(PlanInputs.of(input, scenario.audit(), data));
  }

  /**
   * A failed migration applied in part, and a phantom whose script nobody has: two problems no
   * simple step settles.
   */
  public static Scenario badlyBroken() {
    return Scenario.create()
        .migration("1_init", "SELECT 1;\n")
        .deployed("1_init")
        .migration("2_tables", TWO_TABLES)
        .failed("2_tables", "ERROR: deadlock detected")
        .migration("3_hotfix", "SELECT 3;\n")
        .deployed("3_hotfix")
        .deleteDirectory("3_hotfix")
        .liveCatalog(live("a"));
  }

  @Test
  void an_environment_in_sync_has_nothing_to_resolve() {
    ResolutionPlan plan =
        plan(
            Scenario.create()
                .migration("1_init", "SELECT 1;\n")
                .deployed("1_init")
                .liveCatalog(live()),
            DataPresence.estimated(TableRows.NONE));

    assertThat(plan.summary()).endsWith("Nothing to resolve.");
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.verification()).isEmpty();
    assertThat(plan.rollback()).isEmpty();
  }

  @Test
  void a_running_deploy_comes_first() {
    ResolutionPlan plan =
        plan(
            Scenario.create()
                .migration("1_init", "SELECT 1;\n")
                .failed("1_init", "")
                .deployLockHeld()
                .liveCatalog(live()),
            DataPresence.estimated(TableRows.NONE));

    assertThat(plan.state().applying()).containsExactly("1_init");
    assertThat(plan.steps().get(0).title()).isEqualTo("Wait for the running deploy");
  }

  @Test
  void steps_unblock_failed_migrations_before_deploying() {
    ResolutionPlan plan =
        plan(
            Scenario.create()
                .migration("1_init", "SELECT 1;\n")
                .deployed("1_init")
                .migration("2_tables", TWO_TABLES)
                .failed("2_tables", "ERROR: deadlock detected")
                .migration("3_more", "CREATE TABLE \"c\" (\"id\" INTEGER);\n")
                .liveCatalog(live("a")),
            DataPresence.estimated(TableRows.of(Map.of("public.a", 10L))));

    assertThat(plan.failed())
        .singleElement()
        .satisfies(
            failed -> {
              assertThat(failed.verdict()).isEqualTo(FailedTriage.Verdict.PARTLY_APPLIED);
              assertThat(failed.error()).isEqualTo("ERROR: deadlock detected");
            });
    assertThat(plan.steps())
        .extracting(PlanStep::title)
        .containsExactly(
            "Finish 2_tables by hand", "Mark 2_tables as applied", "Deploy the pending migrations");
    assertThat(plan.steps()).extracting(PlanStep::number).containsExactly(1, 2, 3);
  }

  @Test
  void a_badly_broken_history_asks_for_an_exact_data_check_when_only_estimates_are_known() {
    ResolutionPlan plan = plan(badlyBroken(), DataPresence.estimated(TableRows.NONE));

    assertThat(ResolutionPlanner.needsExactDataCheck(plan)).isTrue();
    assertThat(plan.data().cleanBaselineRecommended()).isFalse();
    assertThat(plan.data().reason()).contains("not known exactly");
  }

  @Test
  void a_badly_broken_history_on_an_empty_database_gets_the_clean_baseline() {
    ResolutionPlan plan = plan(badlyBroken(), DataPresence.checked(Set.of()));

    assertThat(ResolutionPlanner.needsExactDataCheck(plan)).isFalse();
    assertThat(plan.data().holdsData()).isEqualTo(DataVerdict.HoldsData.no);
    assertThat(plan.data().cleanBaselineRecommended()).isTrue();
    assertThat(plan.data().reason()).contains("applied in part").contains("script is lost");
    assertThat(plan.steps())
        .extracting(PlanStep::command)
        .contains("npx prisma migrate reset --force --skip-seed", "npx prisma migrate deploy");
  }

  @Test
  void the_same_history_with_one_row_somewhere_gets_no_destructive_step() {
    ResolutionPlan plan = plan(badlyBroken(), DataPresence.checked(Set.of("public.a")));

    assertThat(plan.data().holdsData()).isEqualTo(DataVerdict.HoldsData.yes);
    assertThat(plan.data().cleanBaselineRecommended()).isFalse();
    assertThat(plan.steps())
        .extracting(PlanStep::command)
        .noneMatch(command -> command.contains("reset") || command.contains("DROP"));
  }

  @Test
  void pending_migrations_past_the_pre_flight_s_bound_are_not_called_safe() {
    ResolutionPlan plan =
        plan(
            Scenario.create()
                .migration("1_init", "SELECT 1;\n")
                .deployed("1_init")
                .migration("2_small", "CREATE TABLE \"a\" (\"id\" INTEGER);")
                .migration("3_load", "SELECT 1;\n".repeat(20_001))
                .liveCatalog(live()),
            DataPresence.estimated(TableRows.NONE));

    assertThat(plan.preflight())
        .filteredOn(check -> check.check().equals("against the live catalog"))
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.status()).isEqualTo(PreflightCheck.Status.NOT_RUN);
              assertThat(check.detail())
                  .endsWith(
                      "; 1 pending migration from 3_load on not played: the deploy makes more "
                          + "schema changes than the pre-flight plays (MS020)");
            });
    assertThat(plan.migrations())
        .filteredOn(m -> m.migration().equals("3_load"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.safety()).isEqualTo(MigrationSafety.Safety.CAUTION);
              assertThat(m.findings()).anySatisfy(note -> assertThat(note).startsWith("MS020: "));
            });
  }
}
