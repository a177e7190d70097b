package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class MissingIndexRuleTest {

  private final MissingIndexRule rule = new MissingIndexRule();

  @Test
  void missing_index_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.MISSING_INDEX);
  }

  @Test
  void missing_index_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.MISSING_INDEX);
  }
}
