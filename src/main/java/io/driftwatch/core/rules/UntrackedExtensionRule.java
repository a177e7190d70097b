package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** The database has an extension no applied migration creates; managed databases install some of their own, so this is for information: the drift's SQL both ways, and the catch-up migration. */
public final class UntrackedExtensionRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD032", "UNTRACKED_EXTENSION", Severity.INFO,
      "The database has an extension that no applied migration creates (managed databases add some).");

  public UntrackedExtensionRule() {
    super(TYPE, DriftKind.UNTRACKED_EXTENSION);
  }
}
