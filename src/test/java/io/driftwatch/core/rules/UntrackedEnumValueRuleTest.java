package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class UntrackedEnumValueRuleTest {

  private final UntrackedEnumValueRule rule = new UntrackedEnumValueRule();

  @Test
  void untracked_enum_value_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.UNTRACKED_ENUM_VALUE);
  }

  @Test
  void untracked_enum_value_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.UNTRACKED_ENUM_VALUE);
  }
}
