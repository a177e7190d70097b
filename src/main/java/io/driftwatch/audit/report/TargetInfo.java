package io.driftwatch.audit.report;

/**
 * What was read from the database.
 *
 * @param databaseUrl the URL with its password masked
 * @param historyTable whether _prisma_migrations exists; null when the database could not be read
 * @param deployInProgress whether a deploy held Prisma's advisory lock during the audit
 */
public record TargetInfo(
    String databaseUrl,
    String provider,
    String schema,
    Boolean historyTable,
    Boolean deployInProgress,
    Integer rows) {}
