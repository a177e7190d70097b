package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** An index differs from the one the applied migrations create (or was left invalid): the drift's SQL both ways, and the catch-up migration. */
public final class ChangedIndexRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD017", "CHANGED_INDEX", Severity.WARNING,
      "An index differs from the one the applied migrations create (or was left invalid).");

  public ChangedIndexRule() {
    super(TYPE, DriftKind.CHANGED_INDEX);
  }
}
