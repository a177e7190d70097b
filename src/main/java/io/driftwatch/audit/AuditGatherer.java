package io.driftwatch.audit;

import io.driftwatch.audit.report.AuditError;
import io.driftwatch.audit.report.LayoutReport;
import io.driftwatch.audit.report.SourceInfo;
import io.driftwatch.audit.report.TargetInfo;
import io.driftwatch.core.AuditInput;
import io.driftwatch.core.SchemaInput;
import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.TargetSnapshot;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.engine.AuditEngine;
import io.driftwatch.core.evidence.EvidenceRequest;
import io.driftwatch.core.evidence.HistoryEvidence;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ReplayPlan;
import io.driftwatch.database.DatabaseDialects;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.database.SchemaReplays;
import io.driftwatch.database.ShadowUnavailableException;
import io.driftwatch.database.TargetUnavailableException;
import io.driftwatch.environment.Environment;
import io.driftwatch.source.MigrationSource;
import io.driftwatch.source.SourceUnavailableException;
import io.driftwatch.source.adapters.MigrationSources;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The gathering step of an audit: the source (on a worker thread) and the database (non-blocking)
 * side by side, the replays on the shadow server, git's evidence for the migrations that need it.
 * What it hands on is the engine's complete input, or the reason a side could not be read; it
 * judges nothing.
 */
@ApplicationScoped
class AuditGatherer {

  private static final Logger LOG = Logger.getLogger(AuditGatherer.class);

  private final MigrationSources sources;
  private final DatabaseDialects targets;
  private final SchemaReplays expectedSchemas;
  private final AuditEngine engine;

  AuditGatherer(
      MigrationSources sources,
      DatabaseDialects targets,
      SchemaReplays expectedSchemas,
      AuditEngine engine) {
    this.sources = sources;
    this.targets = targets;
    this.expectedSchemas = expectedSchemas;
    this.engine = engine;
  }

  /**
   * Opens the environment's source; the caller closes it once the audit is judged (the scripts'
   * text is released then).
   */
  MigrationSource open(AuditTarget target) {
    return sources.open(target.environment().source(), target.credentials());
  }

  /** Reads both sides, then the replays and git's evidence; never fails for an unreadable side. */
  Uni<GatheredAudit> gather(AuditRun run, AuditTarget target, MigrationSource source) {
    Environment environment = target.environment();
    ReportBuilder.Header header =
        new ReportBuilder.Header(
            run.id(), environment.name(), environment.tier().label(), run.startedAt(), null);
    run.unread(
        sourceInfo(environment, source, Side.failed("not read"), null),
        targetInfo(environment, null, null));

    PrismaDatabaseUrl url = target.databaseUrl();
    if (url == null) {
      return Uni.createFrom()
          .item(
              () ->
                  GatheredAudit.failed(
                      header,
                      sourceInfo(environment, source, Side.failed("not read"), null),
                      targetInfo(environment, null, null),
                      new AuditError(AuditError.Stage.DATABASE, target.databaseUrlError())));
    }
    run.unread(run.sourceInfo(), targetInfo(environment, url, null));

    Side<Optional<PrismaDatabaseUrl>> shadow =
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
        .map(sides -> read(sides.getItem1(), sides.getItem2()))
        .flatMap(
            read ->
                schemaInput(run, target, shadow, read)
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .map(schema -> complete(run, header, target, source, read, schema)));
  }

  /**
   * The schema the applied migrations produce, replayed on the shadow server (or kept from an
   * earlier replay of the same scripts). Without it the history is still judged; the report says
   * why.
   */
  private Uni<Optional<SchemaInput>> schemaInput(
      AuditRun run, AuditTarget target, Side<Optional<PrismaDatabaseUrl>> shadow, Read read) {
    Environment environment = target.environment();
    PrismaDatabaseUrl url = target.databaseUrl();
    MigrationHistory joined = read.joined();
    Side<TargetSnapshot> targetSide = read.target();
    // On a database Prisma 8 owns without _prisma_migrations, drift is measured against every
    // Prisma Migrate migration of the folder (nothing records which ran); without one, not at all.
    if (joined == null || targetSide.value() == null) {
      return Uni.createFrom().item(Optional.empty());
    }
    TargetSnapshot snapshot = targetSide.value();
    boolean prisma8Only =
        !snapshot.historyTableExists()
            && snapshot.ownership().migrateHistoryInert()
            && !joined.folderOrder().isEmpty();
    if (snapshot.catalog().isEmpty() || (!snapshot.historyTableExists() && !prisma8Only)) {
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
    ReplayPlan plan =
        prisma8Only
            ? ReplayPlan.ofFolder(joined, url.schema())
            : ReplayPlan.of(joined, url.schema());
    ReplayPlan folderPlan = ReplayPlan.ofFolder(joined, url.schema());
    Uni<Optional<ExpectedSchema>> folder =
        folderPlan.equals(plan)
            ? Uni.createFrom().item(Optional.empty())
            : expectedSchemas.of(folderPlan, shadow.value(), snapshot.provider()).map(Optional::of);
    return expectedSchemas
        .of(plan, shadow.value(), snapshot.provider())
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

  /**
   * The second look at the database, only for the exact data check: which of the live tables hold a
   * row.
   */
  Uni<Set<String>> tablesWithRows(GatheredAudit gathered) {
    List<QualifiedName> tables =
        gathered.input().target().catalog().stream()
            .flatMap(catalog -> catalog.tables().stream())
            .map(Table::name)
            .toList();
    return targets.tablesWithRows(gathered.targetId(), gathered.url(), tables);
  }

  /**
   * Both sides as read, joined once when both were (the replays and the judgement both start from
   * the join).
   */
  private Read read(Side<SourceSnapshot> source, Side<TargetSnapshot> target) {
    MigrationHistory joined =
        source.error() == null && target.error() == null
            ? engine.join(new AuditInput(source.value(), target.value()))
            : null;
    return new Read(source, target, joined);
  }

  private GatheredAudit complete(
      AuditRun run,
      ReportBuilder.Header header,
      AuditTarget target,
      MigrationSource source,
      Read read,
      Optional<SchemaInput> schema) {
    Environment environment = target.environment();
    TargetInfo targetInfo = targetInfo(environment, target.databaseUrl(), read.target().value());
    if (read.source().error() != null) {
      return GatheredAudit.failed(
          header,
          sourceInfo(environment, source, read.source(), null),
          targetInfo,
          new AuditError(AuditError.Stage.SOURCE, read.source().error()));
    }
    if (read.target().error() != null) {
      return GatheredAudit.failed(
          header,
          sourceInfo(environment, source, read.source(), null),
          targetInfo,
          new AuditError(AuditError.Stage.DATABASE, read.target().error()));
    }
    // Walking git's history for evidence is where judging starts: a stop here names that stage.
    run.enter(AuditStage.JUDGING);
    HistoryEvidence evidence = explain(source, EvidenceRequest.from(read.joined()));
    AuditInput input =
        new AuditInput(read.source().value(), read.target().value(), evidence, schema);
    return new GatheredAudit(
        header,
        sourceInfo(environment, source, read.source(), evidence),
        targetInfo,
        null,
        input,
        read.joined(),
        target.id(),
        target.databaseUrl());
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
        explained,
        LayoutReport.of(snapshot.layout()));
  }

  static TargetInfo targetInfo(
      Environment environment, PrismaDatabaseUrl url, TargetSnapshot snapshot) {
    return new TargetInfo(
        environment.databaseUrlMasked(),
        url == null ? "postgresql" : url.provider(),
        url == null ? null : url.schema(),
        snapshot == null ? null : snapshot.historyTableExists(),
        snapshot == null ? null : snapshot.deployLockHeld(),
        snapshot == null ? null : snapshot.rows().size());
  }

  /** Both sides as read, and their join when both were. */
  private record Read(
      Side<SourceSnapshot> source, Side<TargetSnapshot> target, MigrationHistory joined) {}

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
