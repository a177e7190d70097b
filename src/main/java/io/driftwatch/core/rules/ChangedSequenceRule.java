package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** A sequence no column owns has another type, start or increment than the applied migrations give it: the drift's SQL both ways, and the catch-up migration. */
public final class ChangedSequenceRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD037", "CHANGED_SEQUENCE", Severity.WARNING,
      "A sequence owned by no column has another type, start or increment than the applied migrations give it.");

  public ChangedSequenceRule() {
    super(TYPE, DriftKind.CHANGED_SEQUENCE);
  }
}
