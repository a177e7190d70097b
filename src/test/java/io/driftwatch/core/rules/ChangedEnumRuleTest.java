package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class ChangedEnumRuleTest {

  private final ChangedEnumRule rule = new ChangedEnumRule();

  @Test
  void changed_enum_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.CHANGED_ENUM);
  }

  @Test
  void changed_enum_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.CHANGED_ENUM);
  }
}
