package io.driftwatch.audit.report;

import io.driftwatch.core.Outcome;
import io.driftwatch.core.history.HistoryOwner;
import io.driftwatch.core.history.HistoryState;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The short form of an audit: what the status endpoint and audit listings show.
 *
 * @param migrations count of migrations per state
 * @param findings count of findings per severity
 * @param findingsByFamily count of findings per code family (HI, DH, ...) and severity
 * @param prismaExitCode what {@code prisma migrate status} would exit with; null on ERROR
 * @param error the reason of an ERROR outcome
 * @param driftObjects objects that differ from what the applied migrations create; null when not
 *     checked
 * @param coverageRatio share of schema.prisma the applied migrations create; null when not measured
 * @param historyOwner which system keeps the database's history; null on ERROR (and in summaries
 *     stored before it was recorded)
 */
public record AuditSummary(
    UUID auditId,
    String environment,
    String tier,
    Instant startedAt,
    Instant finishedAt,
    Outcome outcome,
    HistoryState historyState,
    Map<String, Integer> migrations,
    Map<String, Integer> findings,
    Map<String, Map<String, Integer>> findingsByFamily,
    Integer prismaExitCode,
    String error,
    Integer driftObjects,
    Double coverageRatio,
    HistoryOwner historyOwner) {}
