package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class ChangedConstraintRuleTest {

  private final ChangedConstraintRule rule = new ChangedConstraintRule();

  @Test
  void changed_constraint_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.CHANGED_CONSTRAINT);
  }

  @Test
  void changed_constraint_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.CHANGED_CONSTRAINT);
  }
}
