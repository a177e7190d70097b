package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import io.driftwatch.core.SchemaInput;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailedMigrationFailsAgainRuleTest {

  private final FailedMigrationFailsAgainRule rule = new FailedMigrationFailsAgainRule();
  private static final Catalog EMPTY =
      new Catalog(16, List.of("public"), List.of(), List.of(), List.of(), List.of(), List.of());

  private static SchemaInput replayed(List<ReplayFailure> failures) {
    ExpectedSchema applied = ExpectedSchema.of(EMPTY, Set.of(), false);
    return SchemaInput.of(
        applied,
        Optional.of(applied.withPendingFailures(failures).withRerunFailed(List.of("b"))),
        "public",
        List.of(),
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  private static Scenario failedB() {
    return Scenario.create()
        .migration("a")
        .deployed("a")
        .migration("b")
        .failed("b", "ERROR: boom")
        .migration("c");
  }

  @Test
  void fails_again_ok_the_failed_migration_replays_cleanly() {
    assertThat(RuleCheck.run(rule, failedB().schemaInput(replayed(List.of())))).isEmpty();
  }

  @Test
  void fails_again_err_the_failed_migration_fails_again_with_its_error_and_both_resolutions() {
    assertThat(
            RuleCheck.run(
                rule,
                failedB()
                    .schemaInput(
                        replayed(
                            List.of(
                                new ReplayFailure("b", "42P01", "relation \"Nope\" does not exist"),
                                new ReplayFailure("c", "22012", "division by zero"))))))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.migration()).isEqualTo("b");
              assertThat(finding.message())
                  .contains("42P01: relation \"Nope\" does not exist")
                  .contains("P3018")
                  .contains("migrate resolve --rolled-back");
              assertThat(finding.help()).contains("migrate resolve --applied");
            });
  }

  @Test
  void fails_again_ok_a_sandbox_refusal_is_not_the_script_failing() {
    assertThat(
            RuleCheck.run(
                rule,
                failedB()
                    .schemaInput(
                        replayed(
                            List.of(
                                new ReplayFailure(
                                    "b", "", "timed out", ReplayFailure.Cause.REFUSED, ""))))))
        .isEmpty();
  }

  @Test
  void fails_again_ok_without_a_replay() {
    assertThat(RuleCheck.run(rule, failedB())).isEmpty();
  }
}
