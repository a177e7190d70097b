package io.driftwatch.database;

import java.time.OffsetDateTime;

/**
 * One row of {@code _prisma_migrations} as {@code prisma migrate deploy} writes it, for the scratch
 * databases driftwatch makes itself (the demo's), on any provider.
 *
 * @param finished null for a migration that failed
 * @param logs the error Prisma recorded; null when it succeeded
 */
public record SeededHistoryRow(
    String migration,
    String checksum,
    OffsetDateTime started,
    OffsetDateTime finished,
    String logs,
    int appliedSteps) {}
