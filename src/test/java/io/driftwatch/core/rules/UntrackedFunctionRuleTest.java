package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class UntrackedFunctionRuleTest {

  private final UntrackedFunctionRule rule = new UntrackedFunctionRule();

  @Test
  void untracked_function_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.UNTRACKED_FUNCTION);
  }

  @Test
  void untracked_function_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.UNTRACKED_FUNCTION);
  }
}
