package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.FolderMigration;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.prisma.ProjectPaths;
import java.util.List;

/**
 * A migration directory without migration.sql: deploy fails with P3015 (status too, once a row
 * exists).
 */
public final class MissingMigrationScriptRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "DH001",
          "MISSING_MIGRATION_SCRIPT",
          Severity.ERROR,
          "A migration directory has no migration.sql (P3015).");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    return context.history().records().stream()
        .filter(record -> record.folder().filter(FolderMigration::missingScript).isPresent())
        .map(record -> finding(record, context.source().paths()))
        .toList();
  }

  private static Finding finding(MigrationRecord record, ProjectPaths paths) {
    String name = record.name();
    String who =
        record.rows().isEmpty()
            ? "`prisma migrate deploy` fails on it with P3015."
            : "`prisma migrate deploy` and `prisma migrate status` both fail on it with P3015 (the database has a row for it).";
    return TYPE.at(
        name,
        "Directory " + paths.directory(name) + " has no migration.sql: " + who,
        "Restore `"
            + paths.script(name)
            + "` from version control (`"
            + paths.gitHistoryOf(name)
            + "`), or delete the empty directory if it was never applied anywhere.");
  }
}
