package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class UntrackedTriggerRuleTest {

  private final UntrackedTriggerRule rule = new UntrackedTriggerRule();

  @Test
  void untracked_trigger_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.UNTRACKED_TRIGGER);
  }

  @Test
  void untracked_trigger_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.UNTRACKED_TRIGGER);
  }
}
