package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class MissingEnumValueRuleTest {

  private final MissingEnumValueRule rule = new MissingEnumValueRule();

  @Test
  void missing_enum_value_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.MISSING_ENUM_VALUE);
  }

  @Test
  void missing_enum_value_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.MISSING_ENUM_VALUE);
  }
}
