package io.driftwatch.audit.report;

import io.driftwatch.core.evidence.Evidence.CommitChange;
import io.driftwatch.core.evidence.Evidence.Kind;
import io.driftwatch.core.finding.Severity;
import java.util.List;

/**
 * One finding.
 *
 * @param migration the migration it concerns; null for the environment as a whole
 * @param evidence what version control says about it (git sources), else null
 * @param subject the database object or schema item it concerns, else null
 * @param line the line of the migration's {@code migration.sql} it points at, else null
 */
public record FindingReport(
    String code,
    String name,
    Severity severity,
    String migration,
    String message,
    String help,
    Evidence evidence,
    String subject,
    Integer line) {

  /** What makes two reports of one code the same finding: its migration, else its subject. */
  public String key() {
    return migration != null ? migration : subject;
  }

  /**
   * A finding's evidence as reports carry it: everything {@link
   * io.driftwatch.core.evidence.Evidence} says except the phantom's script, which would make every
   * served, stored and alerted report carry whole migration files.
   */
  public record Evidence(
      Kind kind,
      List<CommitChange> commits,
      List<String> branches,
      String relatedMigration,
      String location) {

    /** The report of this evidence; null for none. */
    public static Evidence of(io.driftwatch.core.evidence.Evidence evidence) {
      if (evidence == null) {
        return null;
      }
      return new Evidence(
          evidence.kind(),
          evidence.commits(),
          evidence.branches(),
          evidence.relatedMigration(),
          evidence.location());
    }
  }
}
