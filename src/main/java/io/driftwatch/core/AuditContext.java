package io.driftwatch.core;

import io.driftwatch.core.evidence.HistoryEvidence;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.prisma.PrismaDiagnosis;

/**
 * What rules see: both sides joined, Prisma's own reading of them, what version control says, and the inputs of
 * the schema checks (the shadow replays), when they ran.
 */
public record AuditContext(
    MigrationHistory history,
    SourceSnapshot source,
    TargetSnapshot target,
    PrismaDiagnosis prisma,
    HistoryEvidence evidence,
    java.util.Optional<SchemaInput> schema) {

  public AuditContext(MigrationHistory history, SourceSnapshot source, TargetSnapshot target, PrismaDiagnosis prisma,
      HistoryEvidence evidence) {
    this(history, source, target, prisma, evidence, java.util.Optional.empty());
  }
}
