package io.driftwatch.audit;

import io.driftwatch.audit.report.AuditError;
import io.driftwatch.audit.report.SourceInfo;
import io.driftwatch.audit.report.TargetInfo;
import io.driftwatch.core.AuditInput;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.database.PrismaDatabaseUrl;
import java.util.UUID;

/**
 * Everything one audit read, before anything is judged: the engine's complete input (both sides,
 * the replays, git's evidence) or, when a side could not be read, the error the report names.
 *
 * @param header the report's identity and start
 * @param input the engine's input; null when {@code error} says why not
 * @param joined the history joined once, which the replays were planned from; null with an error
 * @param targetId the environment, for a second look at the database (the exact data check)
 * @param url the watched database, for that second look; null when it could not be opened
 */
record GatheredAudit(
    ReportBuilder.Header header,
    SourceInfo source,
    TargetInfo target,
    AuditError error,
    AuditInput input,
    MigrationHistory joined,
    UUID targetId,
    PrismaDatabaseUrl url) {

  static GatheredAudit failed(
      ReportBuilder.Header header, SourceInfo source, TargetInfo target, AuditError error) {
    return new GatheredAudit(header, source, target, error, null, null, null, null);
  }
}
