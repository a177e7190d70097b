package io.driftwatch.alerts;

import io.driftwatch.audit.report.FindingReport;
import java.util.List;
import java.util.UUID;

/**
 * One thing to tell about an environment, whatever the channel.
 *
 * @param findings the findings concerned (opened, reminded of, or already open when a destination
 *     is new)
 * @param resolved descriptions of the findings that cleared ({@code HI002 PHANTOM_MIGRATION
 *     `name`})
 * @param historyChange e.g. {@code IN_SYNC → FOLDER_BEHIND}, or the state when it did not change
 */
public record AlertEvent(
    Kind kind,
    String environment,
    String tier,
    UUID auditId,
    String reportUrl,
    String historyChange,
    List<FindingReport> findings,
    List<String> resolved) {

  /** ALREADY_OPEN: what was open when the destination was configured, sent to it alone, once. */
  public enum Kind {
    OPENED,
    RESOLVED,
    REMINDER,
    TEST,
    ALREADY_OPEN
  }
}
