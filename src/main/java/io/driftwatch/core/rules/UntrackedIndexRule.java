package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** An index is in the database but no applied migration creates it: the drift's SQL both ways, and the catch-up migration. */
public final class UntrackedIndexRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD004", "UNTRACKED_INDEX", Severity.WARNING,
      "An index is in the database but no applied migration creates it.");

  public UntrackedIndexRule() {
    super(TYPE, DriftKind.UNTRACKED_INDEX);
  }
}
