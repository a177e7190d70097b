package io.driftwatch.core;

import io.driftwatch.core.evidence.HistoryEvidence;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.prisma.PrismaDiagnosis;

/** What rules see: both sides joined, Prisma's own reading of them, and what version control says. */
public record AuditContext(
    MigrationHistory history,
    SourceSnapshot source,
    TargetSnapshot target,
    PrismaDiagnosis prisma,
    HistoryEvidence evidence) {}
