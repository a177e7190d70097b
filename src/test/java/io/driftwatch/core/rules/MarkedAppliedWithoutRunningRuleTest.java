package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import org.junit.jupiter.api.Test;

class MarkedAppliedWithoutRunningRuleTest {

  private final MarkedAppliedWithoutRunningRule rule = new MarkedAppliedWithoutRunningRule();

  @Test
  void marked_applied_ok_deployed() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").deployed("a"))).isEmpty();
  }

  @Test
  void marked_applied_err_resolve_applied_fingerprint() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("0_init").resolvedApplied("0_init")))
        .singleElement()
        .satisfies(f -> assertThat(f.migration()).isEqualTo("0_init"));
  }
}
