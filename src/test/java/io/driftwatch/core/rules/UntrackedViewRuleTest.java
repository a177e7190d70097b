package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class UntrackedViewRuleTest {

  private final UntrackedViewRule rule = new UntrackedViewRule();

  @Test
  void untracked_view_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.UNTRACKED_VIEW);
  }

  @Test
  void untracked_view_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.UNTRACKED_VIEW);
  }
}
