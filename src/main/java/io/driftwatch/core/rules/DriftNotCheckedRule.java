package io.driftwatch.core.rules;

import io.driftwatch.core.SchemaContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import java.util.List;

/**
 * The shadow replay could not run (the shadow server is unreachable, say): drift was not checked.
 */
public final class DriftNotCheckedRule implements SchemaRule {

  public static final FindingType TYPE =
      new FindingType(
          "SD022",
          "DRIFT_NOT_CHECKED",
          Severity.INFO,
          "The shadow replay could not run, so schema drift was not checked this time.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(SchemaContext context) {
    return context
        .unavailable()
        .map(
            reason ->
                List.of(
                    TYPE.about(
                        "shadow server",
                        TYPE.severity(),
                        "Schema drift was not checked: " + reason + ".",
                        "Give driftwatch a PostgreSQL of its own for replays: DRIFTWATCH_SHADOW_URL, a role with CREATEDB and "
                            + "CREATEROLE (or a superuser) on an empty server; the service's own server is the default.")))
        .orElse(List.of());
  }
}
