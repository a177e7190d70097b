package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class UntrackedColumnRuleTest {

  private final UntrackedColumnRule rule = new UntrackedColumnRule();

  @Test
  void untracked_column_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.UNTRACKED_COLUMN);
  }

  @Test
  void untracked_column_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.UNTRACKED_COLUMN);
  }
}
