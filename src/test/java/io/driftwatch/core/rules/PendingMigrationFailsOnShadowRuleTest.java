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

class PendingMigrationFailsOnShadowRuleTest {

  private final PendingMigrationFailsOnShadowRule rule = new PendingMigrationFailsOnShadowRule();
  private static final Catalog EMPTY =
      new Catalog(16, List.of("public"), List.of(), List.of(), List.of(), List.of(), List.of());

  private static SchemaInput replayed(List<ReplayFailure> pendingFailures) {
    ExpectedSchema applied = ExpectedSchema.of(EMPTY, Set.of(), false);
    return SchemaInput.of(
        applied,
        Optional.of(applied.withPendingFailures(pendingFailures)),
        "public",
        List.of(),
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void fails_on_shadow_ok_every_pending_migration_applies() {
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create()
                    .migration("a")
                    .deployed("a")
                    .migration("b")
                    .schemaInput(replayed(List.of()))))
        .isEmpty();
  }

  @Test
  void fails_on_shadow_err_each_failing_pending_migration_with_its_error() {
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create()
                    .migration("a")
                    .deployed("a")
                    .migration("b")
                    .migration("c")
                    .schemaInput(
                        replayed(
                            List.of(
                                new ReplayFailure("b", "22012", "division by zero"),
                                new ReplayFailure(
                                    "c", "42P01", "relation \"Team\" does not exist"))))))
        .satisfiesExactly(
            b ->
                assertThat(b.message())
                    .contains("`b`")
                    .contains("22012: division by zero")
                    .contains("P3018"),
            c ->
                assertThat(c.message())
                    .contains("`c`")
                    .contains("relation \"Team\" does not exist"));
  }

  @Test
  void fails_on_shadow_ok_without_a_replay() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").deployed("a").migration("b")))
        .isEmpty();
  }

  @Test
  void fails_on_shadow_ok_a_migration_the_sandbox_stopped_is_not_predicted_to_fail() {
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create()
                    .migration("a")
                    .deployed("a")
                    .migration("b")
                    .schemaInput(
                        replayed(
                            List.of(
                                new ReplayFailure(
                                    "b",
                                    "42501",
                                    "permission denied for function lo_import",
                                    ReplayFailure.Cause.REFUSED,
                                    ""))))))
        .isEmpty();
  }

  @Test
  void fails_on_shadow_err_behind_a_failed_migration_says_what_was_assumed_of_it() {
    ExpectedSchema applied = ExpectedSchema.of(EMPTY, Set.of(), false);
    ExpectedSchema folder =
        applied
            .withPendingFailures(
                List.of(
                    new ReplayFailure("b", "42704", "no such extension"),
                    new ReplayFailure("c", "42601", "syntax error at or near \"c\"")))
            .withRerunFailed(List.of("b"));
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create()
                    .migration("a")
                    .deployed("a")
                    .migration("b")
                    .failed("b", "ERROR: no such extension")
                    .migration("c")
                    .schemaInput(
                        SchemaInput.of(
                            applied, Optional.of(folder), "public", List.of(), Instant.EPOCH))))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.message())
                    .contains("`c`")
                    .contains("42601")
                    .contains("assuming `b` resolved")
                    .contains("--rolled-back")
                    .contains("`b` failed again (42704"));
  }
}
