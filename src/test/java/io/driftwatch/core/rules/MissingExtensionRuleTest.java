package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class MissingExtensionRuleTest {

  private final MissingExtensionRule rule = new MissingExtensionRule();

  @Test
  void missing_extension_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.MISSING_EXTENSION);
  }

  @Test
  void missing_extension_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.MISSING_EXTENSION);
  }
}
