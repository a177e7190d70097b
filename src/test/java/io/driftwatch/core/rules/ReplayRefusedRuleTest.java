package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import io.driftwatch.core.SchemaInput;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure.Cause;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayRefusedRuleTest {

  private final ReplayRefusedRule rule = new ReplayRefusedRule();
  private static final Catalog EMPTY =
      new Catalog(16, List.of("public"), List.of(), List.of(), List.of(), List.of(), List.of());
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static SchemaInput appliedStopped(ReplayFailure failure) {
    return SchemaInput.of(
        ExpectedSchema.failed(failure, 16, Set.of()), Optional.empty(), "public", List.of(), NOW);
  }

  private static SchemaInput pendingStopped(List<ReplayFailure> failures) {
    ExpectedSchema applied = ExpectedSchema.of(EMPTY, Set.of(), false);
    return SchemaInput.of(
        applied, Optional.of(applied.withPendingFailures(failures)), "public", List.of(), NOW);
  }

  @Test
  void refused_ok_a_script_that_fails_by_itself_is_not_a_refusal() {
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create()
                    .migration("a")
                    .deployed("a")
                    .schemaInput(
                        appliedStopped(
                            new ReplayFailure("a", "42P01", "relation \"T\" does not exist")))))
        .isEmpty();
  }

  @Test
  void refused_err_an_applied_migration_stopped_by_the_sandbox_quotes_the_refusal() {
    ReplayFailure refused =
        new ReplayFailure(
            "a", "42501", "permission denied for function pg_read_file", Cause.REFUSED, "");
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create()
                    .migration("a")
                    .deployed("a")
                    .schemaInput(appliedStopped(refused))))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.code()).isEqualTo("SD023");
              assertThat(finding.migration()).isEqualTo("a");
              assertThat(finding.message())
                  .contains("42501: permission denied for function pg_read_file")
                  .contains("drift was not checked");
              assertThat(finding.help())
                  .contains("prisma/migrations/a/migration.sql")
                  .contains("attack");
            });
  }

  @Test
  void refused_err_a_pending_migration_says_deploy_would_run_it_with_the_deploy_roles_privileges() {
    ReplayFailure refused =
        new ReplayFailure(
            "b",
            "42501",
            "must be superuser or have privileges of the "
                + "pg_execute_server_program role to COPY to or from an external program",
            Cause.REFUSED,
            "");
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create()
                    .migration("a")
                    .deployed("a")
                    .migration("b")
                    .schemaInput(pendingStopped(List.of(refused)))))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.migration()).isEqualTo("b");
              assertThat(finding.message())
                  .contains("pg_execute_server_program")
                  .contains("npx prisma migrate deploy")
                  .contains("privileges of your deploy role");
            });
  }

  @Test
  void refused_err_a_script_that_was_not_sent_says_why() {
    ReplayFailure notSent =
        new ReplayFailure(
            "b",
            "",
            "it is 2,000,000 bytes, over the replay limit of 1,048,576 "
                + "(driftwatch.shadow.max-script-bytes)",
            Cause.NOT_SENT,
            "");
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create()
                    .migration("a")
                    .deployed("a")
                    .migration("b")
                    .schemaInput(pendingStopped(List.of(notSent)))))
        .singleElement()
        .satisfies(
            finding ->
                assertThat(finding.message())
                    .startsWith("`b` was not replayed: it is 2,000,000 bytes"));
  }

  @Test
  void refused_ok_an_unavailable_extension_is_its_own_finding() {
    ReplayFailure extension =
        new ReplayFailure(
            "a",
            "42501",
            "permission denied to create extension \"dblink\"",
            Cause.EXTENSION_UNAVAILABLE,
            "dblink");
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create()
                    .migration("a")
                    .deployed("a")
                    .schemaInput(appliedStopped(extension))))
        .isEmpty();
  }
}
