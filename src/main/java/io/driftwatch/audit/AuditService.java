package io.driftwatch.audit;

import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.AuditSummary;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.environment.EnvironmentService;
import io.driftwatch.store.AuditEntity;
import io.driftwatch.store.AuditLease;
import io.driftwatch.store.AuditLeases;
import io.driftwatch.store.AuditRepository;
import io.driftwatch.store.EnvironmentEntity;
import io.driftwatch.store.LeaseHeldException;
import io.driftwatch.store.StoreTimeoutException;
import io.driftwatch.store.UniqueViolation;
import io.driftwatch.support.FreshContext;
import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Runs an audit: takes the environment's lease (renewed while the audit runs), gathers ({@link
 * AuditGatherer}), judges in one call to the engine, records the report with what its {@link
 * AuditListener}s write in one transaction, and frees the lease. A side that cannot be read makes
 * an ERROR audit with the reason, never a failed request; so does an audit still running when its
 * timeout is nearly up, or when a shutdown cuts it ({@link AuditRun}).
 */
@ApplicationScoped
public class AuditService {

  private static final Logger LOG = Logger.getLogger(AuditService.class);

  private final EnvironmentService environments;
  private final AuditLeases leases;
  private final AuditRepository audits;
  private final AuditJudging judging;
  private final ReportJson json;
  private final List<AuditListener> listeners;
  private final AuditsInFlight inFlight;
  private final Duration timeout;

  public AuditService(
      EnvironmentService environments,
      AuditLeases leases,
      AuditRepository audits,
      AuditJudging judging,
      ReportJson json,
      @All List<AuditListener> listeners,
      AuditsInFlight inFlight,
      DriftwatchConfig config) {
    this.inFlight = inFlight;
    this.timeout = config.audit().timeout();
    this.environments = environments;
    this.leases = leases;
    this.audits = audits;
    this.judging = judging;
    this.json = json;
    this.listeners = listeners;
  }

  /**
   * Audits an environment now. Must be called on a Vert.x context (a request, or
   * VertxContextSupport). Ends within {@code driftwatch.audit.timeout} whatever hangs: an audit
   * still running then is stopped and stored as ERROR.
   */
  public Uni<AuditReport> run(String environmentName) {
    return inFlight.detached(environmentName, this::audit);
  }

  /**
   * How long a caller may wait for {@link #run}: its timeout, and a little for the answer to reach
   * it.
   */
  public Duration longestRun() {
    return timeout.plusSeconds(10);
  }

  private Uni<AuditReport> audit(AuditRun run, Executor onContext) {
    String name = run.environment();
    return Panache.withSession(() -> environments.find(name))
        .ifNoItem()
        .after(run.workLeft())
        .failWith(() -> storeDidNotAnswer(run))
        .flatMap(
            entity ->
                leases
                    .acquire(entity.id)
                    .ifNoItem()
                    .after(run.workLeft())
                    .failWith(() -> storeDidNotAnswer(run))
                    .onFailure(LeaseHeldException.class)
                    .transform(
                        held ->
                            new AuditRunningException(name, ((LeaseHeldException) held).freeIn()))
                    .flatMap(lease -> underLease(run, entity, lease, onContext)));
  }

  private static StoreTimeoutException storeDidNotAnswer(AuditRun run) {
    return new StoreTimeoutException(
        "the store did not answer before the audit of `"
            + run.environment()
            + "` could start, within its timeout");
  }

  /**
   * The audit proper, raced against its stop (the work bound, or a shutdown): the first to end wins
   * and the other is cancelled. Whatever the ending, the lease is freed.
   */
  private Uni<AuditReport> underLease(
      AuditRun run, EnvironmentEntity entity, AuditLease lease, Executor onContext) {
    run.leased(lease);
    lease.keepAlive();
    AuditTarget target = AuditTarget.open(entity, environments);
    Uni<Ending> work =
        judging
            .gatheredAndJudged(run, target)
            .map(AuditJudging.Judged::report)
            .emitOn(onContext)
            .flatMap(
                report -> {
                  run.storing(report);
                  return lease
                      .confirm()
                      .flatMap(
                          held ->
                              held
                                  ? store(entity, report)
                                  : Uni.createFrom()
                                      .failure(
                                          AuditRunningException.takenOver(
                                              run.environment(), lease.timeout())));
                })
            .map(Ending::finished);
    return Uni.combine()
        .any()
        .<Ending>of(work, run.stopped().map(Ending::stopped))
        .flatMap(
            ending ->
                ending.report() != null
                    ? Uni.createFrom().item(ending.report())
                    : storeStopped(run, target, entity, ending.stop()))
        .invoke(
            report -> {
              listeners.forEach(listener -> listener.audited(report));
              AuditLog.audited(report.summary());
            })
        .onTermination()
        .call(lease::release);
  }

  /** How an audit ended: with its report, or stopped halfway. */
  private record Ending(AuditReport report, AuditRun.Stop stop) {
    static Ending finished(AuditReport report) {
      return new Ending(report, null);
    }

    static Ending stopped(AuditRun.Stop stop) {
      return new Ending(null, stop);
    }
  }

  /** Stores the report with what its listeners write (the alert outbox), in one transaction. */
  private Uni<AuditReport> store(EnvironmentEntity entity, AuditReport report) {
    return Panache.withTransaction(
            () ->
                audits
                    .latest(entity.id)
                    .flatMap(
                        previous ->
                            audits
                                .persist(entity(entity.id, report))
                                .call(
                                    () ->
                                        storing(
                                            entity,
                                            report,
                                            previous == null ? null : previous.historyState))))
        .replaceWith(report);
  }

  private Uni<Void> storing(
      EnvironmentEntity entity, AuditReport report, String previousHistoryState) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (AuditListener listener : listeners) {
      chain = chain.call(() -> listener.storing(entity, report, previousHistoryState));
    }
    return chain;
  }

  /**
   * The ERROR audit of a run stopped halfway, with the id the full report has: should the cancelled
   * store of the full report still commit, one of the two fails on the key and one audit is kept.
   * Stored on a fresh context, away from the session of the cancelled stage, within what is left of
   * the timeout.
   */
  private Uni<AuditReport> storeStopped(
      AuditRun run, AuditTarget target, EnvironmentEntity entity, AuditRun.Stop stop) {
    LOG.warnf("the audit of %s was stopped: %s", run.environment(), stop.message());
    AuditReport report = AuditJudging.stopped(run, target, stop);
    AuditReport full = run.report();
    return FreshContext.run(() -> store(entity, report))
        .ifNoItem()
        .after(run.storeReserve())
        .failWith(
            () ->
                new StoreTimeoutException(
                    "the store did not take the ERROR audit of `"
                        + run.environment()
                        + "` in time: "
                        + stop.message()))
        // Stopped while storing, and the full report's transaction committed after all: that is the
        // audit.
        .onFailure(failure -> full != null && UniqueViolation.is(failure))
        .recoverWithItem(full);
  }

  public Uni<AuditReport> get(UUID id) {
    return Panache.withSession(() -> audits.findById(id))
        .onItem()
        .ifNull()
        .failWith(() -> new AuditNotFoundException("no audit with id " + id))
        .map(entity -> json.report(entity.report));
  }

  public record Page(List<AuditSummary> items, int page, int size, long total) {}

  public Uni<Page> page(String environmentName, int page, int size) {
    return Panache.withSession(
        () ->
            environments
                .find(environmentName)
                .flatMap(
                    environment ->
                        audits
                            .page(environment.id, page, size)
                            .flatMap(
                                entities ->
                                    audits
                                        .countFor(environment.id)
                                        .map(
                                            total ->
                                                new Page(
                                                    entities.stream()
                                                        .map(e -> json.summary(e.summary))
                                                        .toList(),
                                                    page,
                                                    size,
                                                    total)))));
  }

  /** The latest audit in full. */
  public Uni<AuditReport> latestReport(String environmentName) {
    return Panache.withSession(
        () -> latestAudit(environmentName).map(entity -> json.report(entity.report)));
  }

  public Uni<AuditSummary> latest(String environmentName) {
    return Panache.withSession(
        () -> latestAudit(environmentName).map(entity -> json.summary(entity.summary)));
  }

  /** The environment's latest stored audit; fails when it has none yet. Within a session. */
  private Uni<AuditEntity> latestAudit(String environmentName) {
    return environments
        .find(environmentName)
        .flatMap(environment -> audits.latest(environment.id))
        .onItem()
        .ifNull()
        .failWith(
            () ->
                new AuditNotFoundException(
                    "`"
                        + environmentName
                        + "` has not been audited yet: POST /api/v1/environments/"
                        + environmentName
                        + "/audits"));
  }

  /** Gathers, then judges; the source stays open until the judgement is made. */
  private AuditEntity entity(UUID environmentId, AuditReport report) {
    AuditEntity entity = new AuditEntity();
    entity.id = report.id();
    entity.environmentId = environmentId;
    entity.startedAt = report.startedAt();
    entity.finishedAt = report.finishedAt();
    entity.outcome = report.outcome().name();
    entity.historyState = report.history() == null ? null : report.history().state().name();
    entity.summary = json.write(report.summary());
    entity.report = json.write(report);
    return entity;
  }
}
