package io.driftwatch.core;

import io.driftwatch.core.effect.PendingPreflight;
import io.driftwatch.core.evidence.HistoryEvidence;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.prisma.PrismaDiagnosis;
import java.util.Optional;

/**
 * What rules see: both sides joined, Prisma's own reading of them, what version control says, the
 * inputs of the schema checks (the shadow replays) when they ran, and the migrations the next
 * deploy runs, read once.
 */
public record AuditContext(
    MigrationHistory history,
    SourceSnapshot source,
    TargetSnapshot target,
    PrismaDiagnosis prisma,
    HistoryEvidence evidence,
    Optional<SchemaInput> schema,
    PendingPreflight pending) {

  public AuditContext(
      MigrationHistory history,
      SourceSnapshot source,
      TargetSnapshot target,
      PrismaDiagnosis prisma,
      HistoryEvidence evidence) {
    this(history, source, target, prisma, evidence, Optional.empty());
  }

  /** The pending migrations are read here when the engine has not read them already. */
  public AuditContext(
      MigrationHistory history,
      SourceSnapshot source,
      TargetSnapshot target,
      PrismaDiagnosis prisma,
      HistoryEvidence evidence,
      Optional<SchemaInput> schema) {
    this(
        history,
        source,
        target,
        prisma,
        evidence,
        schema,
        PendingPreflight.of(history, target.catalog(), target.datasource().schema()));
  }
}
