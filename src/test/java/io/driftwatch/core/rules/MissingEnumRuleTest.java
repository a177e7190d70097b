package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class MissingEnumRuleTest {

  private final MissingEnumRule rule = new MissingEnumRule();

  @Test
  void missing_enum_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.MISSING_ENUM);
  }

  @Test
  void missing_enum_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.MISSING_ENUM);
  }
}
