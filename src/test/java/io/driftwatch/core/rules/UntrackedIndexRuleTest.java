package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class UntrackedIndexRuleTest {

  private final UntrackedIndexRule rule = new UntrackedIndexRule();

  @Test
  void untracked_index_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.UNTRACKED_INDEX);
  }

  @Test
  void untracked_index_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.UNTRACKED_INDEX);
  }
}
