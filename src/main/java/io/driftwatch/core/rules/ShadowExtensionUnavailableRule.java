package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure.Cause;
import io.driftwatch.core.rules.support.ReplayStops;
import io.driftwatch.core.rules.support.ReplayStops.Stop;
import java.util.List;

/**
 * A migration installs an extension the replay sandbox cannot: an untrusted one (dblink,
 * postgres_fdw, plpython3u, … need a superuser) or one the shadow server does not have (vector).
 * Trusted extensions (pgcrypto, citext, …) install as the scratch database's owner; the others must
 * already be in the template the scratch database is copied from.
 */
public final class ShadowExtensionUnavailableRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "SD024",
          "SHADOW_EXTENSION_UNAVAILABLE",
          Severity.WARNING,
          "A migration installs an extension the shadow server cannot install for the replay: preinstall it in a template "
              + "database (DRIFTWATCH_SHADOW_TEMPLATE).");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    return ReplayStops.of(context).stream()
        .filter(stop -> stop.failure().cause() == Cause.EXTENSION_UNAVAILABLE)
        .map(ShadowExtensionUnavailableRule::finding)
        .toList();
  }

  private static Finding finding(Stop stop) {
    String name = stop.failure().migration();
    String extension = stop.failure().extension();
    String consequence =
        stop.pending()
            ? "its exact pre-flight check did not run"
            : "the schema the applied migrations build is unknown past it, so drift was not checked";
    return TYPE.at(
        name,
        TYPE.severity(),
        "`"
            + name
            + "` installs the extension `"
            + extension
            + "`, which the shadow server cannot install for "
            + "driftwatch's unprivileged replay role ("
            + stop.failure().quoted()
            + "): "
            + consequence
            + ".",
        "Give the shadow server a template database that has it, then name it: as a superuser on the shadow server, "
            + "`CREATE DATABASE dw_template;`, in it `CREATE EXTENSION IF NOT EXISTS \""
            + extension
            + "\";` (install "
            + "the extension's package on that server first if it lacks it), then `ALTER DATABASE dw_template "
            + "IS_TEMPLATE true;`, and set DRIFTWATCH_SHADOW_TEMPLATE=dw_template. The migration's `CREATE EXTENSION "
            + "IF NOT EXISTS` then finds it installed.");
  }
}
