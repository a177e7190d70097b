package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import org.junit.jupiter.api.Test;

class RolledBackMigrationRuleTest {

  private final RolledBackMigrationRule rule = new RolledBackMigrationRule();

  @Test
  void rolled_back_ok_reapplied_after_rollback() {
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create()
                    .migration("a")
                    .failed("a", "x")
                    .resolvedRolledBack("a")
                    .deployed("a")))
        .isEmpty();
  }

  @Test
  void rolled_back_err_deploy_will_run_it_again() {
    assertThat(
            RuleCheck.run(
                rule, Scenario.create().migration("a").failed("a", "x").resolvedRolledBack("a")))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("will run it again"));
  }
}
