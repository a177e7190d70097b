package io.driftwatch.audit;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.store.AuditLease;
import io.driftwatch.support.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * The audits this replica is running, manual and scheduled alike, so that a shutdown can let them
 * finish, then stop the rest and free their leases. Once draining, it starts no new audit.
 */
@ApplicationScoped
public class AuditsInFlight {

  private static final Logger LOG = Logger.getLogger(AuditsInFlight.class);
  static final String INTERRUPTED = "interrupted by shutdown";

  private final Duration timeout;
  private final Set<AuditRun> running = new LinkedHashSet<>();
  private Instant drainingUntil;

  public AuditsInFlight(DriftwatchConfig config) {
    this.timeout = config.audit().timeout();
  }

  /** What a drain did. */
  public record Drained(int finished, int interrupted, int abandoned) {}

  /** A new run; refused once the replica is shutting down. */
  synchronized AuditRun begin(String environment) {
    if (drainingUntil != null) {
      Duration left = Duration.between(Instant.now(), drainingUntil);
      throw new ShuttingDownException(left.isNegative() ? Duration.ZERO : left);
    }
    AuditRun run = new AuditRun(environment, timeout);
    running.add(run);
    return run;
  }

  /**
   * Runs {@code work} as one run of this replica, on the caller's Vert.x context. It is subscribed
   * here rather than by the caller, so a client that hangs up does not cut it halfway, and its
   * answer comes back on that context ({@code work} is given it too).
   */
  <T> Uni<T> detached(String environment, BiFunction<AuditRun, Executor, Uni<T>> work) {
    Executor onContext = Blocking.onCurrentContext();
    return Uni.createFrom()
        .deferred(
            () -> {
              AuditRun run = begin(environment);
              CompletableFuture<T> done = new CompletableFuture<>();
              work.apply(run, onContext)
                  .onTermination()
                  .invoke(() -> end(run))
                  .subscribe()
                  .with(done::complete, done::completeExceptionally);
              return Uni.createFrom().completionStage(done);
            })
        .emitOn(onContext);
  }

  synchronized void end(AuditRun run) {
    running.remove(run);
    notifyAll();
  }

  public synchronized int count() {
    return running.size();
  }

  /**
   * Refuses new audits, waits up to {@code grace} for those running to finish, then interrupts the
   * rest (each stores an ERROR audit "interrupted by shutdown" and frees its lease) and waits for
   * them as long as storing an ERROR audit may take. A run still going after that stops renewing
   * its lease, which then expires on its own.
   */
  public Drained drain(Duration grace) {
    List<AuditRun> cut;
    int before;
    synchronized (this) {
      drainingUntil = Instant.now().plus(grace);
      before = running.size();
      awaitEmpty(grace);
      cut = new ArrayList<>(running);
    }
    if (before > 0) {
      LOG.infof(
          "shutdown: %d audit(s) finished within the grace of %s s, %d to interrupt",
          before - cut.size(), grace.toSeconds(), cut.size());
    }
    Duration reserve = Duration.ZERO;
    for (AuditRun run : cut) {
      run.interrupt(INTERRUPTED);
      reserve = run.storeReserve().compareTo(reserve) > 0 ? run.storeReserve() : reserve;
    }
    List<AuditRun> left;
    synchronized (this) {
      awaitEmpty(reserve.plusSeconds(1));
      left = new ArrayList<>(running);
    }
    for (AuditRun run : left) {
      AuditLease lease = run.lease();
      if (lease != null) {
        lease.stopRenewing();
      }
      LOG.warnf(
          "shutdown: the audit of %s did not stop in time; its lease expires on its own",
          run.environment());
    }
    return new Drained(before - cut.size(), cut.size() - left.size(), left.size());
  }

  /** Call holding the monitor. */
  private void awaitEmpty(Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    try {
      while (!running.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
