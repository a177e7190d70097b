package io.driftwatch.audit.report;

import io.driftwatch.core.history.AppliedBy;
import io.driftwatch.core.history.MigrationState;
import java.util.List;

/**
 * One migration.
 *
 * @param checksumMatches whether the folder's script is the one the counting row recorded; null
 *     when there is nothing to compare
 * @param appliedBy DEPLOY or RESOLVE_APPLIED for an applied migration, else null
 * @param checksum the folder script's checksum today; null without a script
 * @param rows every _prisma_migrations row of this name, oldest first
 */
public record MigrationReport(
    String name,
    MigrationState state,
    Boolean checksumMatches,
    AppliedBy appliedBy,
    String checksum,
    List<RowReport> rows) {}
