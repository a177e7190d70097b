package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class ChangedIndexRuleTest {

  private final ChangedIndexRule rule = new ChangedIndexRule();

  @Test
  void changed_index_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.CHANGED_INDEX);
  }

  @Test
  void changed_index_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.CHANGED_INDEX);
  }
}
