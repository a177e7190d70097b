package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class ChangedFunctionRuleTest {

  private final ChangedFunctionRule rule = new ChangedFunctionRule();

  @Test
  void changed_function_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.CHANGED_FUNCTION);
  }

  @Test
  void changed_function_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.CHANGED_FUNCTION);
  }
}
