package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MigrationReplayFailedRuleTest {

  private final MigrationReplayFailedRule rule = new MigrationReplayFailedRule();

  @Test
  void replayed_ok() {
    Catalog catalog =
        new Catalog(16, List.of("public"), List.of(), List.of(), List.of(), List.of(), List.of());
    assertThat(
            SchemaContexts.run(
                rule,
                SchemaContexts.replayed(ExpectedSchema.of(catalog, Set.of(), false), catalog)))
        .isEmpty();
  }

  @Test
  void failed_replay_err() {
    ExpectedSchema failed =
        ExpectedSchema.failed(
            new ReplayFailure(
                "20240102000000_broken", "42P01", "relation \"Missing\" does not exist"),
            16,
            Set.of());
    List<Finding> findings = SchemaContexts.run(rule, SchemaContexts.replayed(failed, null));
    assertThat(findings)
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.migration()).isEqualTo("20240102000000_broken");
              assertThat(finding.message())
                  .contains("42P01")
                  .contains("relation \"Missing\" does not exist")
                  .contains("P3006");
              assertThat(finding.help()).contains("prisma migrate dev");
            });
  }

  @Test
  void refused_by_the_sandbox_ok_it_is_not_the_scripts_own_failure() {
    ExpectedSchema refused =
        ExpectedSchema.failed(
            new ReplayFailure(
                "20240102000000_owned",
                "42501",
                "permission denied for function pg_read_file",
                ReplayFailure.Cause.REFUSED,
                ""),
            16,
            Set.of());
    assertThat(SchemaContexts.run(rule, SchemaContexts.replayed(refused, null))).isEmpty();
  }
}
