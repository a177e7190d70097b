package io.driftwatch.core;

import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.prisma.PrismaDiagnosis;

/** What rules see: both sides joined, plus Prisma's own reading of them. */
public record AuditContext(
    MigrationHistory history, SourceSnapshot source, TargetSnapshot target, PrismaDiagnosis prisma) {}
