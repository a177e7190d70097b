package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class MissingFunctionRuleTest {

  private final MissingFunctionRule rule = new MissingFunctionRule();

  @Test
  void missing_function_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.MISSING_FUNCTION);
  }

  @Test
  void missing_function_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.MISSING_FUNCTION);
  }
}
