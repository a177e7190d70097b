package io.driftwatch.alerts;

import io.driftwatch.store.OutboxClaims;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The outbox as gauges, read from the store after each delivery pass (every replica shows the same
 * store-wide figures; rules take their max): {@code driftwatch_alert_deliveries_failed} (given up,
 * waiting for someone), {@code driftwatch_alert_deliveries_pending} (not yet delivered) and {@code
 * driftwatch_alert_deliveries_oldest_pending_seconds} (how long the oldest of those waits). While
 * the store cannot be read they keep their last values.
 */
@ApplicationScoped
public class AlertOutboxGauges {

  private static final Logger LOG = Logger.getLogger(AlertOutboxGauges.class);
  private final OutboxClaims outbox;
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong oldestPendingMillis = new AtomicLong();

  public AlertOutboxGauges(OutboxClaims outbox, MeterRegistry registry) {
    this.outbox = outbox;
    Gauge.builder("driftwatch.alert.deliveries.failed", failed, AtomicLong::get)
        .description(
            "Alert deliveries given up and kept in the outbox (GET /api/v1/alerts/deliveries?state=failed)")
        .register(registry);
    Gauge.builder("driftwatch.alert.deliveries.pending", pending, AtomicLong::get)
        .description("Alert deliveries not yet delivered nor given up")
        .register(registry);
    Gauge.builder(
            "driftwatch.alert.deliveries.oldest.pending",
            oldestPendingMillis,
            millis -> millis.get() / 1000.0)
        .description("Age of the oldest alert delivery not yet delivered nor given up; 0 when none")
        .baseUnit("seconds")
        .register(registry);
  }

  /** Reads the figures from the store. */
  public void refresh() {
    try {
      OutboxClaims.Backlog backlog = outbox.backlog();
      failed.set(backlog.failed());
      pending.set(backlog.pending());
      oldestPendingMillis.set(Math.round(backlog.oldestPendingSeconds() * 1000));
    } catch (SQLException e) {
      LOG.debug("the alert outbox gauges could not be read; they keep their last values", e);
    }
  }
}
