package io.driftwatch.audit;

import io.driftwatch.audit.report.AuditSummary;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One log line per audit, whatever its outcome: the environment, the outcome, how long it took and
 * what it counted. The same values are the line's MDC fields, so a JSON log ({@code
 * QUARKUS_LOG_CONSOLE_JSON=true}) carries them as fields a log pipeline can query. Nothing of a URL
 * or a credential is ever part of it: the summary holds names and counts only.
 */
final class AuditLog {

  private static final Logger LOG = Logger.getLogger("io.driftwatch.audit");

  private AuditLog() {}

  static void audited(AuditSummary summary) {
    Map<String, Object> fields = fields(summary);
    fields.forEach(MDC::put);
    try {
      if (summary.error() == null) {
        LOG.infof(
            "audited %s: %s in %d ms (history %s, findings %s, migrations %s)",
            summary.environment(),
            summary.outcome(),
            fields.get("durationMs"),
            summary.historyState(),
            summary.findings(),
            summary.migrations());
      } else {
        LOG.warnf(
            "audited %s: %s in %d ms: %s",
            summary.environment(), summary.outcome(), fields.get("durationMs"), summary.error());
      }
    } finally {
      fields.keySet().forEach(MDC::remove);
    }
  }

  /**
   * The line's structured fields; counts flattened to {@code findings.ERROR}, {@code
   * migrations.PENDING}, ....
   */
  static Map<String, Object> fields(AuditSummary summary) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("auditId", String.valueOf(summary.auditId()));
    fields.put("environment", summary.environment());
    fields.put("tier", summary.tier());
    fields.put("outcome", summary.outcome().name());
    fields.put(
        "durationMs", Duration.between(summary.startedAt(), summary.finishedAt()).toMillis());
    if (summary.historyState() != null) {
      fields.put("historyState", summary.historyState().name());
    }
    if (summary.findings() != null) {
      summary.findings().forEach((severity, count) -> fields.put("findings." + severity, count));
    }
    if (summary.migrations() != null) {
      summary.migrations().forEach((state, count) -> fields.put("migrations." + state, count));
    }
    if (summary.driftObjects() != null) {
      fields.put("driftObjects", summary.driftObjects());
    }
    return fields;
  }
}
