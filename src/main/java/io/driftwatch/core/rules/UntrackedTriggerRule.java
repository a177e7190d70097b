package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** The database has a trigger no applied migration creates: the drift's SQL both ways, and the catch-up migration. */
public final class UntrackedTriggerRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD026", "UNTRACKED_TRIGGER", Severity.WARNING,
      "The database has a trigger that no applied migration creates.");

  public UntrackedTriggerRule() {
    super(TYPE, DriftKind.UNTRACKED_TRIGGER);
  }
}
