package io.driftwatch.audit;

import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.SourceInfo;
import io.driftwatch.audit.report.TargetInfo;
import io.driftwatch.core.AuditInput;
import io.driftwatch.core.engine.AuditEngine;
import io.driftwatch.core.engine.Judgement;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.environment.Environment;
import io.driftwatch.source.MigrationSource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Gathers one target and judges it into a report: what an audit and a check share. Recording the
 * report, and what follows from it, is the caller's.
 */
@ApplicationScoped
class AuditJudging {

  private static final Logger LOG = Logger.getLogger(AuditJudging.class);

  private final AuditGatherer gatherer;
  private final AuditEngine engine;

  AuditJudging(AuditGatherer gatherer, AuditEngine engine) {
    this.gatherer = gatherer;
    this.engine = engine;
  }

  /** A report, and the engine's findings behind it (none when a side could not be read). */
  record Judged(AuditReport report, List<Finding> findings) {}

  Uni<Judged> gatheredAndJudged(AuditRun run, AuditTarget target) {
    return Uni.createFrom()
        .deferred(
            () -> {
              MigrationSource source = gatherer.open(target);
              return gatherer
                  .gather(run, target, source)
                  .flatMap(gathered -> judged(run, gathered))
                  .onTermination()
                  .invoke(source::close);
            });
  }

  /**
   * The ERROR report of a run stopped halfway (its timeout, a shutdown), with the id the full
   * report has and what was read before the stop.
   */
  static AuditReport stopped(AuditRun run, AuditTarget target, AuditRun.Stop stop) {
    Environment environment = target.environment();
    ReportBuilder.Header header =
        new ReportBuilder.Header(
            run.id(),
            environment.name(),
            environment.tier().label(),
            run.startedAt(),
            Instant.now());
    SourceInfo source =
        run.sourceInfo() != null
            ? run.sourceInfo()
            : new SourceInfo(environment.source().type(), null, null, null, null, null, null);
    TargetInfo targetInfo =
        run.targetInfo() != null
            ? run.targetInfo()
            : AuditGatherer.targetInfo(environment, null, null);
    return ReportBuilder.failed(header, source, targetInfo, stop.error());
  }

  /**
   * Judges what was gathered in one call to the engine; a side that could not be read makes the
   * ERROR report that names it.
   */
  private Uni<Judged> judged(AuditRun run, GatheredAudit gathered) {
    if (gathered.error() != null) {
      return Uni.createFrom()
          .item(
              new Judged(
                  ReportBuilder.failed(
                      finished(gathered.header()),
                      gathered.source(),
                      gathered.target(),
                      gathered.error()),
                  List.of()));
    }
    Judgement judgement = engine.judge(gathered.input(), gathered.joined());
    run.enter(AuditStage.PLANNING);
    return withExactData(gathered, judgement)
        .map(
            judged ->
                new Judged(
                    ReportBuilder.completed(
                        finished(gathered.header()),
                        gathered.source(),
                        gathered.target(),
                        judged.result(),
                        judged.plan()),
                    judged.result().findings()));
  }

  /**
   * The one second pass: when the plan could advise a clean baseline were the database empty, the
   * tables are checked exactly and the plan written again (never a destructive advice on an
   * estimate). Should the check fail, the plan keeps the estimates.
   */
  private Uni<Judgement> withExactData(GatheredAudit gathered, Judgement estimated) {
    AuditInput input = gathered.input();
    if (!estimated.needsExactDataCheck() || input.target().catalog().isEmpty()) {
      return Uni.createFrom().item(estimated);
    }
    return gatherer
        .tablesWithRows(gathered)
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .map(withRows -> engine.withExactData(input, estimated, withRows))
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.debugf(
                  "the exact data check failed (%s): the plan keeps the estimates",
                  failure.getMessage());
              return estimated;
            });
  }

  private static ReportBuilder.Header finished(ReportBuilder.Header header) {
    return new ReportBuilder.Header(
        header.id(), header.environment(), header.tier(), header.startedAt(), Instant.now());
  }
}
