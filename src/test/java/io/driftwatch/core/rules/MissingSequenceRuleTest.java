package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class MissingSequenceRuleTest {

  private final MissingSequenceRule rule = new MissingSequenceRule();

  @Test
  void missing_sequence_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.MISSING_SEQUENCE);
  }

  @Test
  void missing_sequence_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.MISSING_SEQUENCE);
  }
}
