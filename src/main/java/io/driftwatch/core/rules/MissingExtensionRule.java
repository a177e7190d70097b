package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** An applied migration creates an extension the database does not have: the drift's SQL both ways, and the catch-up migration. */
public final class MissingExtensionRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD033", "MISSING_EXTENSION", Severity.WARNING,
      "An applied migration creates an extension the database does not have.");

  public MissingExtensionRule() {
    super(TYPE, DriftKind.MISSING_EXTENSION);
  }
}
