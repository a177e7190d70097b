package io.driftwatch.audit;

import io.driftwatch.config.DriftwatchConfig;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * On SIGTERM, drains the audits in flight while the service still serves: in Quarkus' pre-shutdown
 * phase (the event {@code quarkus.shutdown.delay-enabled} turns on), before the HTTP server closes
 * its connections and waits for the requests still running, and before the target pools, Quartz and
 * the store close. A ShutdownEvent comes too late for the audits requested over HTTP (their
 * connections are closed by then); it drains again, for a stop that had no pre-shutdown phase.
 * {@code quarkus.shutdown.timeout} is short: the drain is what waits for the audits; the timeout
 * only lets the answers of the audits just drained be written before the connections close.
 */
public class ShutdownDrain {

  private static final Logger LOG = Logger.getLogger(ShutdownDrain.class);

  void beforeShutdown(
      @Observes ShutdownDelayInitiatedEvent event, AuditsInFlight audits, DriftwatchConfig config) {
    drain(audits, config);
  }

  void onShutdown(
      @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event,
      AuditsInFlight audits,
      DriftwatchConfig config) {
    drain(audits, config);
  }

  private static void drain(AuditsInFlight audits, DriftwatchConfig config) {
    AuditsInFlight.Drained drained = audits.drain(config.audit().shutdownGrace());
    if (drained.interrupted() + drained.abandoned() > 0) {
      LOG.warnf(
          "shutdown: %d audit(s) finished, %d interrupted and stored as ERROR, %d abandoned",
          drained.finished(), drained.interrupted(), drained.abandoned());
    }
  }
}
