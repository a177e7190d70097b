package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class MissingConstraintRuleTest {

  private final MissingConstraintRule rule = new MissingConstraintRule();

  @Test
  void missing_constraint_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.MISSING_CONSTRAINT);
  }

  @Test
  void missing_constraint_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.MISSING_CONSTRAINT);
  }
}
