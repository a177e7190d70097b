package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** A view is in the database but no applied migration creates it: the drift's SQL both ways, and the catch-up migration. */
public final class UntrackedViewRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD013", "UNTRACKED_VIEW", Severity.WARNING,
      "A view is in the database but no applied migration creates it.");

  public UntrackedViewRule() {
    super(TYPE, DriftKind.UNTRACKED_VIEW);
  }
}
