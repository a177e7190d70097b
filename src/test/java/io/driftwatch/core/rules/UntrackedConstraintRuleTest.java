package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class UntrackedConstraintRuleTest {

  private final UntrackedConstraintRule rule = new UntrackedConstraintRule();

  @Test
  void untracked_constraint_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.UNTRACKED_CONSTRAINT);
  }

  @Test
  void untracked_constraint_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.UNTRACKED_CONSTRAINT);
  }
}
