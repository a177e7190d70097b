package io.driftwatch.audit.report;

import java.time.Instant;

/**
 * One _prisma_migrations row.
 *
 * @param state FINISHED, UNFINISHED or ROLLED_BACK
 * @param logs what Prisma logged (the database error of a failed attempt), cut at 4,000 characters
 */
public record RowReport(
    String id,
    String checksum,
    Instant startedAt,
    Instant finishedAt,
    Instant rolledBackAt,
    int appliedStepsCount,
    String logs,
    String state) {}
