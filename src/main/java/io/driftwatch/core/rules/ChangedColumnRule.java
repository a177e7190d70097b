package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** A column's type, nullability or default differs from what the applied migrations create: the drift's SQL both ways, and the catch-up migration. */
public final class ChangedColumnRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD011", "CHANGED_COLUMN", Severity.ERROR,
      "A column's type, nullability or default differs from what the applied migrations create.");

  public ChangedColumnRule() {
    super(TYPE, DriftKind.CHANGED_COLUMN);
  }
}
