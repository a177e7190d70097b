package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class ChangedExtensionRuleTest {

  private final ChangedExtensionRule rule = new ChangedExtensionRule();

  @Test
  void changed_extension_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.CHANGED_EXTENSION);
  }

  @Test
  void changed_extension_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.CHANGED_EXTENSION);
  }
}
