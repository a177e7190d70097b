package io.driftwatch.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.AuditResult;
import io.driftwatch.core.Scenario;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.engine.PlanInputs;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.plan.MigrationSafety.Safety;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rolled-back migration is in the deploy queue exactly as a never-applied one: the next {@code
 * prisma migrate deploy} runs both, so the lint, the pre-flight and the plan treat both alike.
 */
class DeployQueueTest {

  private static final String INIT =
      "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL, \"email\" TEXT);\n";
  private static final String INDEX =
      "-- CreateIndex\nCREATE INDEX \"User_email_idx\" ON \"User\"(\"email\");\n";
  private static final String NAME = "2_email_index";

  private static Scenario applied() {
    Catalog live =
        new Catalog(
            16,
            List.of("public"),
            List.of(
                Table.of(
                    QualifiedName.of("public", "User"),
                    List.of(Column.of("id", "integer", false), Column.of("email", "text", true)))),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    return Scenario.create()
        .migration("1_init", INIT)
        .deployed("1_init")
        .migration(NAME, INDEX)
        .liveCatalog(live);
  }

  private static Scenario pending() {
    return applied();
  }

  private static Scenario rolledBack() {
    return applied()
        .failed(NAME, "ERROR: canceling statement due to lock timeout")
        .resolvedRolledBack(NAME);
  }

  private static List<String> lint(AuditResult result) {
    return result.findings().stream()
        .filter(f -> f.code().startsWith("MS"))
        .map(Finding::code)
        .sorted()
        .toList();
  }

  private static Safety safety(Scenario scenario) {
    ResolutionPlan plan =
        new ResolutionPlanner()
            .plan(
                PlanInputs.of(
                    scenario.input(), scenario.audit(), DataPresence.estimated(TableRows.NONE)));
    return plan.migrations().stream()
        .filter(m -> m.migration().equals(NAME))
        .findFirst()
        .orElseThrow()
        .safety();
  }

  @Test
  void the_queue_holds_never_applied_and_rolled_back_migrations_in_folder_order() {
    Scenario scenario =
        applied()
            .migration("3_more", INIT.replace("User", "Lead"))
            .failed(NAME, "ERROR: boom")
            .resolvedRolledBack(NAME);

    assertThat(scenario.audit().history().deployQueue())
        .extracting(MigrationRecord::name)
        .containsExactly(NAME, "3_more");
  }

  @Test
  void a_blocking_index_build_is_linted_whether_pending_or_rolled_back() {
    List<String> pendingLint = lint(pending().audit());

    assertThat(pendingLint).contains("MS006");
    assertThat(lint(rolledBack().audit())).isEqualTo(pendingLint);
  }

  @Test
  void the_pre_flight_verdict_is_the_same_whether_pending_or_rolled_back() {
    assertThat(safety(pending())).isEqualTo(Safety.CAUTION);
    assertThat(safety(rolledBack())).isEqualTo(Safety.CAUTION);
  }
}
