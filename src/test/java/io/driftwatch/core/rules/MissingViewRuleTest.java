package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class MissingViewRuleTest {

  private final MissingViewRule rule = new MissingViewRule();

  @Test
  void missing_view_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.MISSING_VIEW);
  }

  @Test
  void missing_view_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.MISSING_VIEW);
  }
}
