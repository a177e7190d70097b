package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import io.driftwatch.core.finding.Severity;
import org.junit.jupiter.api.Test;

class FailedMigrationRuleTest {

  private final FailedMigrationRule rule = new FailedMigrationRule();

  @Test
  void failed_ok_resolved_rolled_back() {
    assertThat(
            RuleCheck.run(
                rule, Scenario.create().migration("a").failed("a", "boom").resolvedRolledBack("a")))
        .isEmpty();
  }

  @Test
  void failed_ok_resolved_applied() {
    assertThat(
            RuleCheck.run(
                rule, Scenario.create().migration("a").failed("a", "boom").resolvedApplied("a")))
        .isEmpty();
  }

  @Test
  void failed_ok_deploy_in_progress_is_not_a_failure() {
    assertThat(
            RuleCheck.run(
                rule, Scenario.create().migration("a").failed("a", null).deployLockHeld()))
        .isEmpty();
  }

  @Test
  void failed_err_unfinished_row_blocks_deploy() {
    Scenario scenario =
        Scenario.create()
            .migration("20260115000000_add_landing_sections")
            .failed(
                "20260115000000_add_landing_sections",
                "ERROR: duplicate key value violates unique constraint\nDETAIL: ...");
    assertThat(RuleCheck.run(rule, scenario))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.message())
                  .contains("P3009")
                  .contains("duplicate key value")
                  .doesNotContain("DETAIL");
              assertThat(f.help())
                  .contains(
                      "npx prisma migrate resolve --rolled-back \"20260115000000_add_landing_sections\"")
                  .contains(
                      "npx prisma migrate resolve --applied \"20260115000000_add_landing_sections\"");
            });
  }

  @Test
  void failed_err_quotes_the_database_error_line_of_prisma_logs() {
    Scenario scenario =
        Scenario.create()
            .migration("a")
            .failed(
                "a",
                "Database error code: 23502\n\nDatabase error:\nERROR: null value in column \"x\"\nDETAIL: row");
    assertThat(RuleCheck.run(rule, scenario))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("ERROR: null value in column \"x\"")
                    .doesNotContain("23502"));
  }

  @Test
  void failed_err_phantom_failed_row_can_only_be_rolled_back() {
    assertThat(RuleCheck.run(rule, Scenario.create().failed("gone", "boom")))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.help()).contains("--rolled-back \"gone\"").doesNotContain("--applied");
            });
  }
}
