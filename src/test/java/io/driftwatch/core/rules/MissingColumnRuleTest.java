package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class MissingColumnRuleTest {

  private final MissingColumnRule rule = new MissingColumnRule();

  @Test
  void missing_column_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.MISSING_COLUMN);
  }

  @Test
  void missing_column_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.MISSING_COLUMN);
  }
}
