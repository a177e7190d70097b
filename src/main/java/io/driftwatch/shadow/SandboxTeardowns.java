package io.driftwatch.shadow;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs the teardowns of replay sandboxes (and the sweeps of stale ones) in the background, after
 * the audit has its answer: dropping a scratch database waits for its sessions to end and for the
 * server's locks, which no audit should wait for. A pool of its own, bounded in threads and in
 * queued work, whose tasks are each bounded in time; a teardown it cannot take, or that fails, is
 * logged and left to the periodic sweep, which finds every sandbox by its name. At shutdown the
 * queued teardowns get a short while to finish.
 *
 * <p>A plain JDK pool rather than the shared worker pool: teardowns block on the shadow server
 * (that is what makes them simple to bound step by step), and must neither take the audits' threads
 * nor be starved by them.
 */
@ApplicationScoped
class SandboxTeardowns {

  private static final Logger LOG = Logger.getLogger(SandboxTeardowns.class);
  private static final int THREADS = 2;
  private static final int QUEUED = 256;
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  private final ThreadPoolExecutor pool;

  SandboxTeardowns() {
    AtomicInteger count = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUED),
            work -> {
              Thread thread =
                  new Thread(work, "driftwatch-sandbox-teardown-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.pool.allowCoreThreadTimeOut(true);
  }

  /** Runs the teardown soon, never in the caller; what fails is logged, never thrown. */
  void submit(String what, Runnable teardown) {
    try {
      pool.execute(
          () -> {
            try {
              teardown.run();
            } catch (RuntimeException e) {
              LOG.warnf(
                  "the teardown of %s failed (%s); the periodic sweep drops what is left",
                  what, e.getMessage());
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.warnf(
          "%d sandbox teardowns are already waiting; %s is left to the periodic sweep",
          QUEUED, what);
    }
  }

  @PreDestroy
  void drain() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warnf(
            "%d sandbox teardowns did not finish before shutdown; a later sweep drops what they leave",
            pool.getQueue().size() + pool.getActiveCount());
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
