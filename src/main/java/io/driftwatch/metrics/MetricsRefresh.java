package io.driftwatch.metrics;

import io.driftwatch.config.DriftwatchConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Shows the store's environments and audits as metrics right after start-up (a restart does not
 * blank the dashboards or silence the rules), then again every refresh interval. A Vert.x timer,
 * not {@code @Scheduled}: scheduled methods run on the clustered Quartz store, which fires each one
 * on a single replica, and every replica needs its own refresh.
 */
@ApplicationScoped
public class MetricsRefresh {

  private static final Logger LOG = Logger.getLogger(MetricsRefresh.class);

  private final MetricsFromStore store;
  private final Vertx vertx;
  private final Duration interval;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile Long timer;

  public MetricsRefresh(MetricsFromStore store, Vertx vertx, DriftwatchConfig config) {
    this.store = store;
    this.vertx = vertx;
    this.interval = config.metrics().refreshInterval();
  }

  void onStart(@Observes StartupEvent event) {
    try {
      store.refresh().await().atMost(MetricsFromStore.READ_TIMEOUT.plusSeconds(2));
    } catch (RuntimeException e) {
      LOG.warn(
          "the stored environments and audits could not be shown as metrics; the next refresh tries again",
          e);
    }
    timer = vertx.setPeriodic(Math.max(1000, interval.toMillis()), id -> refreshUnlessRunning());
  }

  void onStop(@Observes ShutdownEvent event) {
    Long started = timer;
    if (started != null) {
      vertx.cancelTimer(started);
    }
  }

  /** One refresh at a time: a slow store never gets a second read on top of the first. */
  private void refreshUnlessRunning() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    store
        .refresh()
        .onTermination()
        .invoke(() -> running.set(false))
        .subscribe()
        .with(
            ignored -> {},
            e ->
                LOG.warnf(
                    "the metrics could not be refreshed from the store (%s); the next refresh tries again",
                    e.toString()));
  }
}
