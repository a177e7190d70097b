package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class ChangedColumnRuleTest {

  private final ChangedColumnRule rule = new ChangedColumnRule();

  @Test
  void changed_column_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.CHANGED_COLUMN);
  }

  @Test
  void changed_column_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.CHANGED_COLUMN);
  }
}
