package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class UntrackedTableRuleTest {

  private final UntrackedTableRule rule = new UntrackedTableRule();

  @Test
  void untracked_table_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.UNTRACKED_TABLE);
  }

  @Test
  void untracked_table_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.UNTRACKED_TABLE);
  }
}
