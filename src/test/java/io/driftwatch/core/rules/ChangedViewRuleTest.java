package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class ChangedViewRuleTest {

  private final ChangedViewRule rule = new ChangedViewRule();

  @Test
  void changed_view_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.CHANGED_VIEW);
  }

  @Test
  void changed_view_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.CHANGED_VIEW);
  }
}
