package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** A view's definition differs from the one the applied migrations create: the drift's SQL both ways, and the catch-up migration. */
public final class ChangedViewRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD019", "CHANGED_VIEW", Severity.WARNING,
      "A view's definition differs from the one the applied migrations create.");

  public ChangedViewRule() {
    super(TYPE, DriftKind.CHANGED_VIEW);
  }
}
