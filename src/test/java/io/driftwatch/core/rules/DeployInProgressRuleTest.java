package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import io.driftwatch.core.finding.Severity;
import org.junit.jupiter.api.Test;

class DeployInProgressRuleTest {

  private final DeployInProgressRule rule = new DeployInProgressRule();

  @Test
  void deploy_in_progress_ok_no_lock() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").failed("a", "x"))).isEmpty();
  }

  @Test
  void deploy_in_progress_err_lock_held_names_the_running_migration() {
    assertThat(
            RuleCheck.run(
                rule, Scenario.create().migration("a").failed("a", null).deployLockHeld()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.INFO);
              assertThat(f.migration()).isEqualTo("a");
              assertThat(f.message()).contains("72707369");
            });
  }
}
