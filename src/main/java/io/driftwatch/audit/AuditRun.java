package io.driftwatch.audit;

import io.driftwatch.audit.report.AuditError;
import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.SourceInfo;
import io.driftwatch.audit.report.TargetInfo;
import io.driftwatch.store.AuditLease;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One audit in flight: the stage it is in, when its time is up, and whether a shutdown interrupted
 * it. The stage is what an audit stopped halfway names; stopping it is the caller's business
 * ({@link #stopped()}).
 */
final class AuditRun {

  /** The end of the timeout kept for storing the ERROR audit of a run stopped halfway. */
  private static final Duration STORE_RESERVE = Duration.ofSeconds(30);

  private final String environment;
  private final UUID id = UUID.randomUUID();
  private final Instant startedAt = Instant.now();
  private final Duration timeout;
  private final CompletableFuture<String> interrupted = new CompletableFuture<>();
  private volatile AuditStage stage = AuditStage.READING;
  private volatile boolean sourceRead;
  private volatile boolean databaseRead;
  private volatile AuditLease lease;
  private volatile SourceInfo sourceInfo;
  private volatile TargetInfo targetInfo;
  private volatile AuditReport report;

  AuditRun(String environment, Duration timeout) {
    this.environment = environment;
    this.timeout = timeout;
  }

  /** Why and where a run was stopped. */
  record Stop(AuditStage stage, String message) {
    AuditError error() {
      return new AuditError(stage.error, message);
    }
  }

  String environment() {
    return environment;
  }

  UUID id() {
    return id;
  }

  Instant startedAt() {
    return startedAt;
  }

  /** The whole run may take this long, the ERROR audit of a stopped run included. */
  Duration timeout() {
    return timeout;
  }

  /**
   * The audit's own work gets this much; the rest of the timeout is kept to store an ERROR audit.
   */
  Duration workBound() {
    return timeout.minus(storeReserve());
  }

  /** What storing the ERROR audit of a stopped run may take. */
  Duration storeReserve() {
    Duration half = timeout.dividedBy(2);
    return half.compareTo(STORE_RESERVE) < 0 ? half : STORE_RESERVE;
  }

  /** The time left before the work bound, never negative. */
  Duration workLeft() {
    Duration left = Duration.between(Instant.now(), startedAt.plus(workBound()));
    return left.isNegative() ? Duration.ZERO : left;
  }

  void enter(AuditStage next) {
    stage = next;
  }

  /** The full report is being stored. */
  void storing(AuditReport full) {
    report = full;
    stage = AuditStage.STORING;
  }

  /** The full report, once the run got as far as storing it. */
  AuditReport report() {
    return report;
  }

  void sourceRead() {
    sourceRead = true;
  }

  void databaseRead() {
    databaseRead = true;
  }

  /** The stage now; while reading, the side still being read. */
  AuditStage stage() {
    AuditStage now = stage;
    if (now != AuditStage.READING || sourceRead == databaseRead) {
      return now;
    }
    return sourceRead ? AuditStage.READING_DATABASE : AuditStage.READING_SOURCE;
  }

  /**
   * What a report of this run says of both sides before they are read: the ERROR audit of a stopped
   * run.
   */
  void unread(SourceInfo source, TargetInfo target) {
    sourceInfo = source;
    targetInfo = target;
  }

  SourceInfo sourceInfo() {
    return sourceInfo;
  }

  TargetInfo targetInfo() {
    return targetInfo;
  }

  void leased(AuditLease held) {
    lease = held;
  }

  AuditLease lease() {
    return lease;
  }

  /** Stops the run where it is, as a shutdown does; the first reason given is kept. */
  void interrupt(String why) {
    interrupted.complete(why);
  }

  /**
   * Emits when the run must stop: its work bound passed, or a shutdown interrupted it; with the
   * stage it was in then. Cancelling it (the work finished first) cancels its timer.
   */
  Uni<Stop> stopped() {
    Uni<Stop> timedOut =
        Uni.createFrom()
            .voidItem()
            .onItem()
            .delayIt()
            .by(workLeft())
            .map(
                ignored -> {
                  AuditStage where = stage();
                  return new Stop(
                      where,
                      "the audit did not finish within "
                          + timeout.toSeconds()
                          + " s (DRIFTWATCH_AUDIT_TIMEOUT): it was stopped while "
                          + where.doing);
                });
    Uni<Stop> cut =
        Uni.createFrom()
            .completionStage(interrupted)
            .map(
                why -> {
                  AuditStage where = stage();
                  return new Stop(where, why + " while " + where.doing);
                });
    return Uni.combine().any().of(timedOut, cut);
  }
}
