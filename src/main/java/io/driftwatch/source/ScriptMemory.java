package io.driftwatch.source;

import io.driftwatch.config.DriftwatchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The memory the audits in progress hold for the folders they read, across environments, kept under
 * one budget ({@code driftwatch.source.max-held-bytes}). An audit holds its scripts from the read
 * to its end (the shadow replay and the judgement read them), so per-folder limits alone let four
 * scheduled audits and a few manual ones hold four and more times the folder limit at once: the
 * heap of the service, at its documented size, is not.
 *
 * <p>A source reserves what it is about to hold before it reads it: the sizes of the scripts it
 * will read (known before reading them: a file's size, a blob's) plus {@link #PER_MIGRATION_BYTES}
 * for each migration folder (its record, history rows, findings and report entries, measured). When
 * the budget has no room, the reservation waits for audits in progress to end, at most {@code
 * driftwatch.source.held-wait}, then the audit ends with an error that says so: never a heap
 * exhausted for every environment. What a source holds more than it planned (a file grew while
 * read, the schema files) is added without waiting, or refused. An audit waits only while it holds
 * nothing, so two audits can never wait for each other.
 *
 * <p>Hand-written rather than a {@link java.util.concurrent.Semaphore}: a semaphore's permits are
 * ints, the budget is in bytes, and a reservation larger than the whole budget must be refused at
 * once, not wait forever.
 */
@ApplicationScoped
public class ScriptMemory {

  /**
   * What a migration costs an audit besides its script: its record and rows, its findings, its part
   * of the plan and of the report and its JSON (measured: 20,000 pending migrations of one
   * statement each peak at 7 KiB a migration).
   */
  public static final long PER_MIGRATION_BYTES = 8_192;

  /** No budget: for tests and tools that read one folder at a time. */
  public static final ScriptMemory UNBOUNDED = new ScriptMemory(Long.MAX_VALUE, Duration.ZERO);

  static final String SETTING = "DRIFTWATCH_SOURCE_MAX_HELD_BYTES";

  private final long budget;
  private final Duration wait;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition released = lock.newCondition();
  private long held;

  @Inject
  public ScriptMemory(DriftwatchConfig config) {
    this(config.source().maxHeldBytes().orElse(defaultBudget()), config.source().heldWait());
  }

  /**
   * A third of the maximum heap: the rest is the service's own, and the peak of the audit being
   * judged.
   */
  public static long defaultBudget() {
    return Runtime.getRuntime().maxMemory() / 3;
  }

  /**
   * @param budget the bytes all audits in progress may hold at once
   * @param wait how long a reservation waits for room
   */
  public ScriptMemory(long budget, Duration wait) {
    this.budget = budget;
    this.wait = wait;
  }

  /** A reservation of nothing yet, released by {@link Reservation#close()} when the audit ends. */
  public Reservation open() {
    return new Reservation();
  }

  /** The bytes held by the audits in progress, for tests and metrics. */
  public long held() {
    lock.lock();
    try {
      return held;
    } finally {
      lock.unlock();
    }
  }

  /** What one source holds of the budget; closing it hands it back. */
  public final class Reservation implements AutoCloseable {

    private long bytes;
    private boolean closed;

    private Reservation() {}

    /**
     * Reserves {@code more} bytes, waiting for room while this reservation holds nothing yet.
     *
     * @param what what is about to be read, for the message: {@code the scripts of
     *     /srv/app/prisma/migrations}
     * @throws SourceUnavailableException when there is no room in time, or the budget could never
     *     hold it
     */
    public void take(long more, String what) throws SourceUnavailableException {
      if (more <= 0) {
        return;
      }
      if (more > budget) {
        throw new SourceUnavailableException(
            String.format(
                Locale.ROOT,
                "%s need about %s of memory, more than the "
                    + "%s driftwatch allows all audits in progress together (%s): raise it with the heap, or split the "
                    + "history (squash old migrations into a baseline)",
                what,
                size(more),
                size(budget),
                SETTING));
      }
      lock.lock();
      try {
        if (closed) {
          throw new IllegalStateException("the reservation was released");
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (held + more > budget) {
          long left = deadline - System.nanoTime();
          if (bytes > 0 || left <= 0) {
            throw new SourceUnavailableException(
                String.format(
                    Locale.ROOT,
                    "%s need about %s of memory, and the "
                        + "audits in progress hold %s of the %s allowed (%s)%s: the audit is not run rather than exhaust "
                        + "the heap; it runs again on its schedule, or retry once they have ended",
                    what,
                    size(more),
                    size(held),
                    size(budget),
                    SETTING,
                    bytes > 0
                        ? ""
                        : " after waiting "
                            + (wait.toMillis() < 1000
                                ? wait.toMillis() + " ms"
                                : wait.toSeconds() + " s")));
          }
          released.await(left, TimeUnit.NANOSECONDS);
        }
        held += more;
        bytes += more;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SourceUnavailableException(
            "interrupted while waiting for memory to read " + what);
      } finally {
        lock.unlock();
      }
    }

    /** The bytes this reservation holds. */
    public long bytes() {
      return bytes;
    }

    /** Hands the bytes back: every waiting reservation looks again. Closing twice is harmless. */
    @Override
    public void close() {
      lock.lock();
      try {
        if (!closed) {
          closed = true;
          held -= bytes;
          bytes = 0;
          released.signalAll();
        }
      } finally {
        lock.unlock();
      }
    }
  }

  private static String size(long bytes) {
    return bytes >= 1 << 20
        ? String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20))
        : String.format(Locale.ROOT, "%,d bytes", bytes);
  }
}
