package io.driftwatch.audit.report;

import io.driftwatch.core.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One stored audit, as the API returns it.
 *
 * @param error set only when the outcome is ERROR
 * @param history null when the audit could not read both sides
 * @param prismaStatus what {@code prisma migrate status} would print; null on ERROR
 * @param drift the database's schema against the applied migrations'; null when not examined
 * @param coverage schema.prisma against the migrations and the database; null without a readable
 *     schema
 * @param plan the resolution plan written from this audit; null on ERROR
 */
public record AuditReport(
    UUID id,
    String environment,
    String tier,
    Instant startedAt,
    Instant finishedAt,
    long durationMs,
    Outcome outcome,
    AuditError error,
    SourceInfo source,
    TargetInfo target,
    HistoryReport history,
    PrismaStatusReport prismaStatus,
    List<FindingReport> findings,
    DriftReport drift,
    CoverageView coverage,
    PlanReport plan,
    AuditSummary summary) {}
