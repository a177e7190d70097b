package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class ChangedSequenceRuleTest {

  private final ChangedSequenceRule rule = new ChangedSequenceRule();

  @Test
  void changed_sequence_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.CHANGED_SEQUENCE);
  }

  @Test
  void changed_sequence_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.CHANGED_SEQUENCE);
  }
}
