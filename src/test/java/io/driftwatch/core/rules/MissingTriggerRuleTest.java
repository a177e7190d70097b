package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class MissingTriggerRuleTest {

  private final MissingTriggerRule rule = new MissingTriggerRule();

  @Test
  void missing_trigger_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.MISSING_TRIGGER);
  }

  @Test
  void missing_trigger_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.MISSING_TRIGGER);
  }
}
