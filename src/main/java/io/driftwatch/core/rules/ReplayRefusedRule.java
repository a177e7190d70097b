package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure.Cause;
import io.driftwatch.core.rules.support.Prisma;
import io.driftwatch.core.rules.support.ReplayStops;
import io.driftwatch.core.rules.support.ReplayStops.Stop;
import java.util.List;

/**
 * The replay sandbox stopped a migration: it did what a role with no privilege outside its scratch
 * database may not (read a server file, run a program, create a role, change the server's settings,
 * signal another session), ran into one of the sandbox's limits, or was not sent at all. A schema
 * migration does none of this; the next deploy would run it with the deploy role's privileges.
 */
public final class ReplayRefusedRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "SD023",
          "REPLAY_REFUSED",
          Severity.ERROR,
          "The replay sandbox stopped a migration that needs privileges or resources no schema change needs: read it "
              + "before anything runs it.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    return ReplayStops.of(context).stream()
        .filter(
            stop ->
                stop.failure().cause() == Cause.REFUSED || stop.failure().cause() == Cause.NOT_SENT)
        .map(stop -> finding(stop, context.source().paths()))
        .toList();
  }

  private static Finding finding(Stop stop, ProjectPaths paths) {
    String name = stop.failure().migration();
    String what =
        stop.failure().cause() == Cause.NOT_SENT
            ? "`" + name + "` was not replayed: " + stop.failure().quoted() + "."
            : "`"
                + name
                + "` was stopped by the replay sandbox ("
                + stop.failure().quoted()
                + "): driftwatch replays "
                + "migrations as a role it creates for the replay, with no privilege outside its scratch database and "
                + "bounded time and temporary files.";
    String consequence =
        stop.pending()
            ? " The next `"
                + Prisma.deploy(paths)
                + "` runs it with the privileges of your deploy role, and its exact "
                + "pre-flight check did not run."
            : " The schema the applied migrations build is unknown past it, so drift was not checked.";
    return TYPE.at(
        name,
        TYPE.severity(),
        what + consequence,
        "Read "
            + paths.script(name)
            + " and its history ("
            + paths.gitHistoryOf(name)
            + "). Reading server "
            + "files, running programs, creating roles, changing server settings or ending other sessions is not "
            + "schema work: if nobody on the team meant it, treat it as an attack and keep it from any deploy. A "
            + "migration that needs an object the shadow server lacks (a role it grants to, an extension) gets it "
            + "from a template database (DRIFTWATCH_SHADOW_TEMPLATE); replays never get more privilege.");
  }
}
