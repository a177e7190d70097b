package io.driftwatch.alerts;

import io.driftwatch.audit.report.FindingReport;
import java.util.List;
import java.util.UUID;

/**
 * One thing to tell about an environment, whatever the channel.
 *
 * @param findings the findings concerned (opened, or reminded of)
 * @param resolved descriptions of the findings that cleared ({@code HI002 PHANTOM_MIGRATION `name`})
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

  public enum Kind { OPENED, RESOLVED, REMINDER, TEST }
}
