package io.driftwatch.audit;

import io.driftwatch.audit.report.AuditError;
import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.AuditSummary;
import io.driftwatch.audit.report.SourceInfo;
import io.driftwatch.audit.report.TargetInfo;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.AuditInput;
import io.driftwatch.core.SchemaInput;
import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.TargetSnapshot;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.engine.AuditEngine;
import io.driftwatch.core.engine.Judgement;
import io.driftwatch.core.evidence.EvidenceRequest;
import io.driftwatch.core.evidence.HistoryEvidence;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ReplayPlan;
import io.driftwatch.database.DatabaseDialects;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.database.TargetUnavailableException;
import io.driftwatch.environment.Environment;
import io.driftwatch.environment.EnvironmentService;
import io.driftwatch.shadow.ExpectedSchemas;
import io.driftwatch.shadow.ShadowTarget;
import io.driftwatch.shadow.ShadowUnavailableException;
import io.driftwatch.source.MigrationSource;
import io.driftwatch.source.SourceUnavailableException;
import io.driftwatch.source.adapters.MigrationSources;
import io.driftwatch.store.AuditEntity;
import io.driftwatch.store.AuditLease;
import io.driftwatch.store.AuditLeases;
import io.driftwatch.store.AuditRepository;
import io.driftwatch.store.EnvironmentEntity;
import io.driftwatch.store.LeaseHeldException;
import io.driftwatch.store.StoreTimeoutException;
import io.driftwatch.store.UniqueViolation;
import io.driftwatch.support.Blocking;
import io.driftwatch.support.FreshContext;
import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Runs an audit: takes the environment's lease (renewed while the audit runs), reads the source (on
 * a worker thread) and the database (non-blocking) side by side, runs the engine, stores the report
 * and frees the lease. A side that cannot be read makes an ERROR audit with the reason, never a
 * failed request; so does an audit still running when its timeout is nearly up, or when a shutdown
 * cuts it ({@link AuditRun}).
 */
@ApplicationScoped
public class AuditService {

  private static final Logger LOG = Logger.getLogger(AuditService.class);

  private final EnvironmentService environments;
  private final AuditLeases leases;
  private final AuditRepository audits;
  private final MigrationSources sources;
  private final DatabaseDialects targets;
  private final ReportJson json;
  private final List<AuditListener> listeners;
  private final ExpectedSchemas expectedSchemas;
  private final AuditsInFlight inFlight;
  private final Duration timeout;
  private final AuditEngine engine = new AuditEngine();

  public AuditService(
      EnvironmentService environments,
      AuditLeases leases,
      AuditRepository audits,
      MigrationSources sources,
      DatabaseDialects targets,
      ReportJson json,
      @All List<AuditListener> listeners,
      ExpectedSchemas expectedSchemas,
      AuditsInFlight inFlight,
      DriftwatchConfig config) {
    this.inFlight = inFlight;
    this.timeout = config.audit().timeout();
    this.environments = environments;
    this.leases = leases;
    this.audits = audits;
    this.sources = sources;
    this.targets = targets;
    this.json = json;
    this.listeners = listeners;
    this.expectedSchemas = expectedSchemas;
  }

  /**
   * Audits an environment now. Must be called on a Vert.x context (a request, or
   * VertxContextSupport). Ends within {@code driftwatch.audit.timeout} whatever hangs: an audit
   * still running then is stopped and stored as ERROR.
   */
  public Uni<AuditReport> run(String environmentName) {
    Executor onContext = Blocking.onCurrentContext();
    return Uni.createFrom()
        .deferred(
            () -> {
              AuditRun run = inFlight.begin(environmentName);
              // Subscribed here rather than by the caller: a client that hangs up does not cut an
              // audit halfway.
              CompletableFuture<AuditReport> done = new CompletableFuture<>();
              audit(run, onContext)
                  .onTermination()
                  .invoke(() -> inFlight.end(run))
                  .subscribe()
                  .with(done::complete, done::completeExceptionally);
              return Uni.createFrom().completionStage(done);
            })
        .emitOn(onContext);
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
        look(run, target)
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
        run.targetInfo() != null ? run.targetInfo() : targetInfo(environment, null, null);
    AuditReport report = ReportBuilder.failed(header, source, targetInfo, stop.error());
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

  /** Reads both sides and judges; never fails for an unreadable side. */
  private Uni<AuditReport> look(AuditRun run, AuditTarget target) {
    Environment environment = target.environment();
    ReportBuilder.Header header =
        new ReportBuilder.Header(
            run.id(), environment.name(), environment.tier().label(), run.startedAt(), null);
    MigrationSource source = sources.open(environment.source(), target.credentials());
    run.unread(
        sourceInfo(environment, source, Side.failed("not read"), null),
        targetInfo(environment, null, null));

    PrismaDatabaseUrl url = target.databaseUrl();
    if (url == null) {
      source.close();
      return Uni.createFrom()
          .item(
              () ->
                  ReportBuilder.failed(
                      finished(header),
                      sourceInfo(environment, source, Side.failed("not read"), null),
                      targetInfo(environment, null, null),
                      new AuditError(AuditError.Stage.DATABASE, target.databaseUrlError())));
    }
    run.unread(run.sourceInfo(), targetInfo(environment, url, null));

    Side<Optional<ShadowTarget>> shadow =
        target.shadowError() == null ? Side.ok(target.shadow()) : Side.failed(target.shadowError());
    Uni<Side<SourceSnapshot>> sourceSide =
        Uni.createFrom()
            .item(() -> readSource(source))
            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
            .invoke(run::sourceRead);
    Uni<Side<TargetSnapshot>> targetSide =
        targets
            .read(target.id(), url)
            .map(Side::ok)
            .onFailure(TargetUnavailableException.class)
            .recoverWithItem(e -> Side.failed(e.getMessage()))
            .invoke(run::databaseRead);

    return Uni.combine()
        .all()
        .unis(sourceSide, targetSide)
        .asTuple()
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .flatMap(
            sides -> {
              // Joined once, off the event loop: the replay plan and the judgement both start from
              // it.
              MigrationHistory joined =
                  sides.getItem1().error() == null && sides.getItem2().error() == null
                      ? engine.join(
                          new AuditInput(sides.getItem1().value(), sides.getItem2().value()))
                      : null;
              return schemaInput(run, environment, url, shadow, joined, sides.getItem2())
                  .emitOn(Infrastructure.getDefaultWorkerPool())
                  .flatMap(
                      schema ->
                          judge(
                              run,
                              header,
                              environment,
                              source,
                              url,
                              sides.getItem1(),
                              sides.getItem2(),
                              joined,
                              schema,
                              target.id()));
            })
        .onTermination()
        .invoke(source::close);
  }

  /**
   * The schema the applied migrations produce, replayed on the shadow server (or kept from an
   * earlier replay of the same scripts). Without it the history is still judged; the report says
   * why.
   */
  private Uni<Optional<SchemaInput>> schemaInput(
      AuditRun run,
      Environment environment,
      PrismaDatabaseUrl url,
      Side<Optional<ShadowTarget>> shadow,
      MigrationHistory joined,
      Side<TargetSnapshot> targetSide) {
    if (joined == null
        || targetSide.value().catalog().isEmpty()
        || !targetSide.value().historyTableExists()) {
      return Uni.createFrom().item(Optional.empty());
    }
    if (shadow.error() != null) {
      return Uni.createFrom()
          .item(
              Optional.of(
                  SchemaInput.unavailable(
                      shadow.error(), url.schema(), environment.schemaIgnore(), Instant.now())));
    }
    run.enter(AuditStage.REPLAYING);
    ReplayPlan plan = ReplayPlan.of(joined, url.schema());
    ReplayPlan folderPlan = ReplayPlan.ofFolder(joined, url.schema());
    Uni<Optional<ExpectedSchema>> folder =
        folderPlan.equals(plan)
            ? Uni.createFrom().item(Optional.empty())
            : expectedSchemas.of(folderPlan, shadow.value()).map(Optional::of);
    return expectedSchemas
        .of(plan, shadow.value())
        .flatMap(
            expected ->
                folder.map(
                    byFolder ->
                        Optional.of(
                            SchemaInput.of(
                                expected,
                                byFolder,
                                url.schema(),
                                environment.schemaIgnore(),
                                Instant.now()))))
        .onFailure()
        .recoverWithItem(
            failure -> {
              String reason =
                  failure instanceof ShadowUnavailableException
                      ? failure.getMessage()
                      : "the shadow replay failed unexpectedly: "
                          + failure.getClass().getSimpleName();
              if (!(failure instanceof ShadowUnavailableException)) {
                LOG.warnf(failure, "the shadow replay for %s failed", environment.name());
              }
              return Optional.of(
                  SchemaInput.unavailable(
                      reason, url.schema(), environment.schemaIgnore(), Instant.now()));
            });
  }

  private Uni<AuditReport> judge(
      AuditRun run,
      ReportBuilder.Header header,
      Environment environment,
      MigrationSource source,
      PrismaDatabaseUrl url,
      Side<SourceSnapshot> sourceSide,
      Side<TargetSnapshot> targetSide,
      MigrationHistory joined,
      Optional<SchemaInput> schema,
      UUID environmentId) {
    TargetInfo targetInfo = targetInfo(environment, url, targetSide.value());
    if (sourceSide.error() != null) {
      return Uni.createFrom()
          .item(
              ReportBuilder.failed(
                  finished(header),
                  sourceInfo(environment, source, sourceSide, null),
                  targetInfo,
                  new AuditError(AuditError.Stage.SOURCE, sourceSide.error())));
    }
    if (targetSide.error() != null) {
      return Uni.createFrom()
          .item(
              ReportBuilder.failed(
                  finished(header),
                  sourceInfo(environment, source, sourceSide, null),
                  targetInfo,
                  new AuditError(AuditError.Stage.DATABASE, targetSide.error())));
    }
    run.enter(AuditStage.JUDGING);
    HistoryEvidence evidence = explain(source, EvidenceRequest.from(joined));
    AuditInput input = new AuditInput(sourceSide.value(), targetSide.value(), evidence, schema);
    Judgement judgement = engine.judge(input, joined);
    run.enter(AuditStage.PLANNING);
    return withExactData(input, judgement, environmentId, url)
        .map(
            judged ->
                ReportBuilder.completed(
                    finished(header),
                    sourceInfo(environment, source, sourceSide, evidence),
                    targetInfo,
                    judged.result(),
                    judged.plan()));
  }

  /**
   * The one second pass: when the plan could advise a clean baseline were the database empty, the
   * tables are checked exactly and the plan written again (never a destructive advice on an
   * estimate). Should the check fail, the plan keeps the estimates.
   */
  private Uni<Judgement> withExactData(
      AuditInput input, Judgement estimated, UUID environmentId, PrismaDatabaseUrl url) {
    if (!estimated.needsExactDataCheck() || input.target().catalog().isEmpty()) {
      return Uni.createFrom().item(estimated);
    }
    List<QualifiedName> tables =
        input.target().catalog().get().tables().stream().map(Table::name).toList();
    return targets
        .tablesWithRows(environmentId, url, tables)
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

  /**
   * Evidence is a bonus: a history that cannot be walked leaves the findings without it, not the
   * audit.
   */
  private static HistoryEvidence explain(MigrationSource source, EvidenceRequest request) {
    try {
      return source.explain(request);
    } catch (RuntimeException e) {
      LOG.warnf(e, "the history of %s could not be walked", source.location());
      return HistoryEvidence.NONE;
    }
  }

  private static Side<SourceSnapshot> readSource(MigrationSource source) {
    try {
      return Side.ok(source.read());
    } catch (SourceUnavailableException e) {
      return Side.failed(e.getMessage());
    } catch (RuntimeException e) {
      LOG.warnf(e, "reading %s failed unexpectedly", source.location());
      return Side.failed("cannot read " + source.location() + ": " + e.getClass().getSimpleName());
    }
  }

  /**
   * What was read; for a source that could not be read, the revision its last successful fetch
   * brought.
   */
  private static SourceInfo sourceInfo(
      Environment environment,
      MigrationSource source,
      Side<SourceSnapshot> side,
      HistoryEvidence evidence) {
    SourceSnapshot snapshot = side.value();
    if (snapshot == null) {
      return new SourceInfo(
          environment.source().type(),
          source.location(),
          null,
          null,
          null,
          source.lastKnownRevision().orElse(null),
          null);
    }
    Boolean explained =
        snapshot.revision().isPresent() && evidence != null ? evidence.complete() : null;
    return new SourceInfo(
        environment.source().type(),
        source.location(),
        snapshot.migrations().size(),
        snapshot.lockProvider().orElse(null),
        snapshot.revision().orElse(null),
        null,
        explained);
  }

  private static TargetInfo targetInfo(
      Environment environment, PrismaDatabaseUrl url, TargetSnapshot snapshot) {
    return new TargetInfo(
        environment.databaseUrlMasked(),
        "postgresql",
        url == null ? null : url.schema(),
        snapshot == null ? null : snapshot.historyTableExists(),
        snapshot == null ? null : snapshot.deployLockHeld(),
        snapshot == null ? null : snapshot.rows().size());
  }

  private static ReportBuilder.Header finished(ReportBuilder.Header header) {
    return new ReportBuilder.Header(
        header.id(), header.environment(), header.tier(), header.startedAt(), Instant.now());
  }

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

  /** One side of an audit: what was read, or why not. */
  private record Side<T>(T value, String error) {
    static <T> Side<T> ok(T value) {
      return new Side<>(value, null);
    }

    static <T> Side<T> failed(String error) {
      return new Side<>(null, error);
    }
  }
}
