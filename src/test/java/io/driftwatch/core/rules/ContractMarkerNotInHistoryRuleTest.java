package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ContractMarkerNotInHistoryRuleTest {

  private final ContractMarkerNotInHistoryRule rule = new ContractMarkerNotInHistoryRule();

  private static Scenario prisma8Database(String marker) {
    Scenario scenario = Scenario.create().noHistoryTable(true);
    return scenario.contract(
        ManagedByPrisma8RuleTest.signedAt(scenario.now().plus(Duration.ofHours(1)), marker));
  }

  @Test
  void contract_marker_not_in_history_ok_marker_a_migration_produces() {
    Scenario scenario =
        prisma8Database("sha256:BB22").layout(Layouts.withPrisma8(Layouts.graph("aa11", "bb22")));
    assertThat(RuleCheck.run(rule, scenario)).isEmpty();
  }

  @Test
  void contract_marker_not_in_history_ok_source_without_prisma_8_migrations() {
    assertThat(RuleCheck.run(rule, prisma8Database("sha256:cc33"))).isEmpty();
  }

  @Test
  void contract_marker_not_in_history_err_marker_no_ref_and_no_migration_produces() {
    Scenario scenario =
        prisma8Database("sha256:cc33").layout(Layouts.withPrisma8(Layouts.graph("aa11", "bb22")));
    assertThat(RuleCheck.run(rule, scenario))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message())
                  .contains("contract sha256:cc33")
                  .contains("refs: production")
                  .contains("MIGRATION.MARKER_NOT_IN_HISTORY");
              assertThat(f.help()).contains("git log --all -S 'cc33'");
            });
    assertThat(scenario.findingNames())
        .contains("CONTRACT_MARKER_NOT_IN_HISTORY", "MANAGED_BY_PRISMA_8", "PRISMA_8_MIGRATIONS");
  }
}
