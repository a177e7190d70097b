package io.driftwatch.audit.report;

import io.driftwatch.core.evidence.Evidence;
import io.driftwatch.core.finding.Severity;

/**
 * One finding.
 *
 * @param migration the migration it concerns; null for the environment as a whole
 * @param evidence what version control says about it (git sources), else null
 * @param subject the database object or schema item it concerns, else null
 */
public record FindingReport(
    String code, String name, Severity severity, String migration, String message, String help, Evidence evidence,
    String subject) {

  /** What makes two reports of one code the same finding: its migration, else its subject. */
  public String key() {
    return migration != null ? migration : subject;
  }
}
