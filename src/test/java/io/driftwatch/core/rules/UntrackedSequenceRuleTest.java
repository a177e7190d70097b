package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class UntrackedSequenceRuleTest {

  private final UntrackedSequenceRule rule = new UntrackedSequenceRule();

  @Test
  void untracked_sequence_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.UNTRACKED_SEQUENCE);
  }

  @Test
  void untracked_sequence_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.UNTRACKED_SEQUENCE);
  }
}
