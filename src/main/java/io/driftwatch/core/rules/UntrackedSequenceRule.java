package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** The database has a sequence no column owns and no applied migration creates: the drift's SQL both ways, and the catch-up migration. */
public final class UntrackedSequenceRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD035", "UNTRACKED_SEQUENCE", Severity.WARNING,
      "The database has a sequence, owned by no column, that no applied migration creates.");

  public UntrackedSequenceRule() {
    super(TYPE, DriftKind.UNTRACKED_SEQUENCE);
  }
}
