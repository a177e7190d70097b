package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.evidence.Evidence;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.history.MigrationState;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.rules.support.Citations;
import java.util.List;
import java.util.Optional;

/**
 * The script in the folder is not the one that was applied. Compared against the row that made the
 * migration applied (Prisma compares the oldest row, and {@code migrate status} stays silent).
 */
public final class EditedMigrationRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "HI005",
          "EDITED_MIGRATION",
          Severity.ERROR,
          "An applied migration's script was changed after it was applied.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    return context.history().inState(MigrationState.APPLIED).stream()
        .filter(record -> record.checksumMatches().orElse(true).equals(false))
        .map(
            record ->
                finding(record, context.evidence().edit(record.name()), context.source().paths()))
        .toList();
  }

  private static Finding finding(
      MigrationRecord record, Optional<Evidence> evidence, ProjectPaths paths) {
    String name = record.name();
    String applied = record.appliedRow().map(row -> row.checksum()).orElse("?");
    String current = record.script().map(script -> script.checksum()).orElse("?");
    String message =
        "`"
            + paths.script(name)
            + "` was changed after it was applied (applied checksum "
            + applied
            + ", folder checksum "
            + current
            + "). Other environments will run the new version; this "
            + "one ran the old. `prisma migrate status` does not report it.";
    String help =
        "Restore the applied version from version control (`git log -p -- "
            + paths.script(name)
            + "`) and put the change into a new migration: `npx prisma migrate dev --create-only --name <change>"
            + paths.projectOption()
            + "`.";
    if (evidence.isPresent()) {
      message += " Changed after it was applied by: " + Citations.changes(evidence.get()) + ".";
      help =
          "Restore the applied version: `git checkout "
              + evidence
                  .get()
                  .commits()
                  .get(evidence.get().commits().size() - 1)
                  .commit()
                  .shortSha()
              + "^ -- "
              + Citations.location(evidence.get(), name, paths)
              + "/migration.sql`, and put the change into a new "
              + "migration: "
              + "`npx prisma migrate dev --create-only --name <change>"
              + paths.projectOption()
              + "`.";
    }
    return TYPE.at(name, TYPE.severity(), message, help, evidence.orElse(null));
  }
}
