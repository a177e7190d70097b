package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class UntrackedEnumRuleTest {

  private final UntrackedEnumRule rule = new UntrackedEnumRule();

  @Test
  void untracked_enum_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.UNTRACKED_ENUM);
  }

  @Test
  void untracked_enum_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.UNTRACKED_ENUM);
  }
}
