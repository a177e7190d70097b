package io.driftwatch.core;

import io.driftwatch.core.effect.PendingPreflight;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.history.HistoryOwnership;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.prisma.PrismaDiagnosis;
import io.driftwatch.core.prisma.PrismaStatus;
import java.util.List;
import java.util.Optional;

/**
 * The engine's answer: the joined history, Prisma's view of it, and driftwatch's findings in order.
 *
 * @param pending the migrations the next deploy runs, as read and pre-flighted for the rules (the
 *     plan reuses it)
 * @param ownership which system keeps the database's history (Prisma Migrate, Prisma 8, both)
 */
public record AuditResult(
    MigrationHistory history,
    PrismaDiagnosis prismaDiagnosis,
    PrismaStatus prismaStatus,
    List<Finding> findings,
    Outcome outcome,
    Optional<SchemaContext> schema,
    PendingPreflight pending,
    HistoryOwnership ownership) {}
