package io.driftwatch.metrics;

import io.driftwatch.audit.AuditService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Shows every environment's latest stored audit as metrics right after start-up. */
public class MetricsOnStartup {

  private static final Logger LOG = Logger.getLogger(MetricsOnStartup.class);

  void onStart(@Observes StartupEvent event, AuditService audits, AuditMetrics metrics) {
    try {
      VertxContextSupport.subscribeAndAwait(audits::latestOfEach).forEach(metrics::show);
    } catch (Throwable e) {
      LOG.warn("the latest audits could not be shown as metrics; they appear with the next audits", e);
    }
  }
}
