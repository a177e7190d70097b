package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class MissingTableRuleTest {

  private final MissingTableRule rule = new MissingTableRule();

  @Test
  void missing_table_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.MISSING_TABLE);
  }

  @Test
  void missing_table_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.MISSING_TABLE);
  }
}
