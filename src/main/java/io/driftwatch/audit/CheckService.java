package io.driftwatch.audit;

import io.driftwatch.access.ChangeLog;
import io.driftwatch.audit.report.CheckReport;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.gate.FindingSelector;
import io.driftwatch.core.gate.GatePolicy;
import io.driftwatch.environment.EnvironmentService;
import io.driftwatch.source.InvalidSourceException;
import io.driftwatch.source.UploadedArchive;
import io.driftwatch.source.UploadedSourceSpec;
import io.driftwatch.store.CheckEntity;
import io.driftwatch.store.CheckRepository;
import io.driftwatch.store.EnvironmentEntity;
import io.driftwatch.store.StoreTimeoutException;
import io.driftwatch.support.Blocking;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Runs a check: the environment's database audited, as an audit is, against the migrations of a
 * ref, then judged by a gate policy. A check reads only (no lease: it changes nothing an audit
 * holds), is bounded by the audit timeout, and is stored on its own: it never becomes the
 * environment's latest status, and no listener (alerts, metrics) hears of it.
 */
@ApplicationScoped
public class CheckService {

  private static final Logger LOG = Logger.getLogger(CheckService.class);

  private final EnvironmentService environments;
  private final AuditJudging judging;
  private final CheckRepository checks;
  private final ReportJson json;
  private final AuditsInFlight inFlight;
  private final ChangeLog changes;
  private final DriftwatchConfig.Source uploads;

  public CheckService(
      EnvironmentService environments,
      AuditJudging judging,
      CheckRepository checks,
      ReportJson json,
      AuditsInFlight inFlight,
      ChangeLog changes,
      DriftwatchConfig config) {
    this.environments = environments;
    this.judging = judging;
    this.checks = checks;
    this.json = json;
    this.inFlight = inFlight;
    this.changes = changes;
    this.uploads = config.source();
  }

  /** A page of an environment's checks, newest first. */
  public record Page(List<CheckReport> items, int page, int size, long total) {}

  /**
   * Checks an environment at a ref now, by the environment's gate policy with the call's lists in
   * place of its own (a null list keeps the environment's). Must be called on a Vert.x context (a
   * request). Ends within the audit timeout whatever hangs: a check still running then is stored as
   * ERROR.
   *
   * @throws InvalidCheckException (as the Uni's failure) when the source has no refs or the ref is
   *     no name
   */
  public Uni<CheckReport> check(
      String environmentName,
      String ref,
      List<FindingSelector> failOn,
      List<FindingSelector> warnOn,
      String actor) {
    return inFlight.detached(
        environmentName,
        (run, onContext) ->
            checked(run, ref, target -> target.atRef(ref), failOn, warnOn, actor, onContext));
  }

  /**
   * Checks an environment against a project uploaded as a {@code .tar.gz}, unpacked under the
   * source's bounds into a folder of its own and deleted when the check ends; otherwise as {@link
   * #check}. Must be called on a Vert.x context (a request).
   *
   * @param label what the check calls the upload (its {@code ref})
   * @throws InvalidCheckException (as the Uni's failure) naming what in the archive was refused
   */
  public Uni<CheckReport> checkUpload(
      String environmentName,
      String label,
      byte[] archive,
      List<FindingSelector> failOn,
      List<FindingSelector> warnOn,
      String actor) {
    if (archive.length > uploads.maxUploadBytes()) {
      return Uni.createFrom()
          .failure(
              new InvalidCheckException(
                  "the upload holds "
                      + archive.length
                      + " bytes, more than DRIFTWATCH_SOURCE_MAX_UPLOAD_BYTES ("
                      + uploads.maxUploadBytes()
                      + ")"));
    }
    return Blocking.call(() -> unpack(archive))
        .onFailure(InvalidSourceException.class)
        .transform(refused -> new InvalidCheckException("upload: " + refused.getMessage()))
        .flatMap(
            unpacked -> {
              UploadedSourceSpec spec = new UploadedSourceSpec(unpacked.folder().toString(), label);
              return inFlight
                  .detached(
                      environmentName,
                      (run, onContext) ->
                          checked(
                              run,
                              label,
                              target -> target.withUpload(spec),
                              failOn,
                              warnOn,
                              actor,
                              onContext))
                  .onTermination()
                  .invoke(() -> discard(unpacked));
            });
  }

  private UploadedArchive unpack(byte[] archive) {
    try {
      return UploadedArchive.unpack(
          archive,
          Path.of(uploads.uploadDir()),
          new UploadedArchive.Limits(uploads.maxScriptBytes(), uploads.maxTotalBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the upload: " + e.getMessage(), e);
    }
  }

  private static void discard(UploadedArchive unpacked) {
    try {
      unpacked.close();
    } catch (IOException e) {
      LOG.warnf(
          "the unpacked upload %s could not be deleted: %s", unpacked.folder(), e.getMessage());
    }
  }

  private Uni<CheckReport> checked(
      AuditRun run,
      String ref,
      UnaryOperator<AuditTarget> source,
      List<FindingSelector> failOn,
      List<FindingSelector> warnOn,
      String actor,
      Executor onContext) {
    return Panache.withSession(() -> environments.find(run.environment()))
        .ifNoItem()
        .after(run.workLeft())
        .failWith(
            () ->
                new StoreTimeoutException(
                    "the store did not answer before the check of `"
                        + run.environment()
                        + "` could start"))
        .flatMap(
            entity -> {
              AuditTarget target = source.apply(AuditTarget.open(entity, environments));
              GatePolicy policy = target.environment().gate().with(failOn, warnOn);
              Uni<CheckReport> work =
                  judging
                      .gatheredAndJudged(run, target)
                      .map(judged -> report(target, ref, policy, judged))
                      .emitOn(onContext);
              Uni<CheckReport> stopped =
                  run.stopped()
                      .map(
                          stop -> {
                            LOG.warnf(
                                "the check of %s was stopped: %s",
                                run.environment(), stop.message());
                            return report(
                                target,
                                ref,
                                policy,
                                new AuditJudging.Judged(
                                    AuditJudging.stopped(run, target, stop), List.of()));
                          });
              return Uni.combine()
                  .any()
                  .of(work, stopped)
                  .flatMap(report -> store(entity, report, actor).emitOn(onContext));
            });
  }

  private static CheckReport report(
      AuditTarget target, String ref, GatePolicy policy, AuditJudging.Judged judged) {
    return CheckReports.of(
        target.environment().name(), target.environment().tier().label(), ref, policy, judged);
  }

  /** Stores the check, and who ran it in the change log, in one transaction. */
  private Uni<CheckReport> store(EnvironmentEntity environment, CheckReport report, String actor) {
    CheckEntity entity = new CheckEntity();
    entity.id = report.id();
    entity.environmentId = environment.id;
    entity.ref = report.ref();
    entity.startedAt = report.startedAt();
    entity.finishedAt = report.finishedAt();
    entity.verdict = report.verdict().name();
    entity.report = json.write(report);
    String details =
        "ref "
            + report.ref()
            + (report.commit() == null ? "" : " (" + report.commit() + ")")
            + ", verdict "
            + report.verdict()
            + ", id "
            + report.id();
    return Panache.withTransaction(
            () ->
                checks
                    .persist(entity)
                    .call(() -> changes.record(actor, "check.run", environment.name, details)))
        .replaceWith(report);
  }

  public Uni<CheckReport> get(UUID id) {
    return Panache.withSession(() -> checks.findById(id))
        .onItem()
        .ifNull()
        .failWith(() -> new CheckNotFoundException("no check with id " + id))
        .map(entity -> json.check(entity.report));
  }

  public Uni<Page> page(String environmentName, int page, int size) {
    return Panache.withSession(
        () ->
            environments
                .find(environmentName)
                .flatMap(
                    environment ->
                        checks
                            .page(environment.id, page, size)
                            .flatMap(
                                items ->
                                    checks
                                        .countFor(environment.id)
                                        .map(
                                            total ->
                                                new Page(
                                                    items.stream()
                                                        .map(entity -> json.check(entity.report))
                                                        .toList(),
                                                    page,
                                                    size,
                                                    total)))));
  }
}
