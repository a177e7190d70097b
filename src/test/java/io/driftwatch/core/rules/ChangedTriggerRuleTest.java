package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class ChangedTriggerRuleTest {

  private final ChangedTriggerRule rule = new ChangedTriggerRule();

  @Test
  void changed_trigger_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.CHANGED_TRIGGER);
  }

  @Test
  void changed_trigger_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.CHANGED_TRIGGER);
  }
}
