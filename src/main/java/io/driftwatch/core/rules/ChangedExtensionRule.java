package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** An extension's version or schema differs from what the replay of the applied migrations installs (servers ship different versions, so this is for information): the drift's SQL both ways, and the catch-up migration. */
public final class ChangedExtensionRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD034", "CHANGED_EXTENSION", Severity.INFO,
      "An extension has another version or schema than the applied migrations give it.");

  public ChangedExtensionRule() {
    super(TYPE, DriftKind.CHANGED_EXTENSION);
  }
}
