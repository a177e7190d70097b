package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.prisma.ProjectPaths;
import java.util.List;

/**
 * A migration.sql driftwatch refused to read: a symbolic link (never followed, it could point
 * anywhere on the machine), something that is not a file, or a file over the size limit. Its
 * checksum cannot be compared.
 */
public final class UnreadableScriptRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "DH005",
          "UNREADABLE_MIGRATION_SCRIPT",
          Severity.WARNING,
          "A migration.sql was not read (a link, not a file, or over the size limit): it cannot be checked.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    return context.history().records().stream()
        .filter(record -> record.folder().flatMap(folder -> folder.unreadable()).isPresent())
        .map(record -> finding(record, context.source().paths()))
        .toList();
  }

  private static Finding finding(MigrationRecord record, ProjectPaths paths) {
    String reason = record.folder().orElseThrow().unreadable().orElseThrow();
    return TYPE.at(
        record.name(),
        "`"
            + paths.script(record.name())
            + "` was not read: "
            + reason
            + ". Its checksum and content are not checked.",
        "Commit the script as a plain file (no symbolic link) of reasonable size; split a huge data load into "
            + "several migrations or move it out of the migration history.");
  }
}
