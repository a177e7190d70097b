package io.driftwatch.core;

import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.prisma.PrismaDiagnosis;
import io.driftwatch.core.prisma.PrismaStatus;
import java.util.List;

/** The engine's answer: the joined history, Prisma's view of it, and driftwatch's findings in order. */
public record AuditResult(
    MigrationHistory history,
    PrismaDiagnosis prismaDiagnosis,
    PrismaStatus prismaStatus,
    List<Finding> findings,
    Outcome outcome,
    java.util.Optional<SchemaContext> schema) {

  public AuditResult(MigrationHistory history, PrismaDiagnosis prismaDiagnosis, PrismaStatus prismaStatus,
      List<Finding> findings, Outcome outcome) {
    this(history, prismaDiagnosis, prismaStatus, findings, outcome, java.util.Optional.empty());
  }
}
