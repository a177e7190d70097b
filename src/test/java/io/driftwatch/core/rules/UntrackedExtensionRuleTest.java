package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import org.junit.jupiter.api.Test;

class UntrackedExtensionRuleTest {

  private final UntrackedExtensionRule rule = new UntrackedExtensionRule();

  @Test
  void untracked_extension_ok() {
    DriftRuleCheck.reportsNothingWithout(rule, DriftKind.UNTRACKED_EXTENSION);
  }

  @Test
  void untracked_extension_err() {
    DriftRuleCheck.reportsEach(rule, DriftKind.UNTRACKED_EXTENSION);
  }
}
