package io.driftwatch.demo;

import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.FindingReport;
import io.driftwatch.config.DriftwatchConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.event.Observes;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Creates the demo at start-up when DRIFTWATCH_DEMO=true; a failure is logged, the service keeps
 * running.
 */
public class DemoOnStartup {

  private static final Logger LOG = Logger.getLogger(DemoOnStartup.class);

  void onStart(@Observes StartupEvent event, DriftwatchConfig config, DemoService demo) {
    if (!config.demo()) {
      return;
    }
    try {
      AuditReport audit =
          VertxContextSupport.subscribeAndAwait(() -> demo.create("startup (DRIFTWATCH_DEMO)"));
      LOG.infof(
          "Demo ready: environment `demo` audited, outcome %s, history %s, findings: %s. See GET /api/v1/audits/%s",
          audit.outcome(),
          audit.history() == null ? "-" : audit.history().state(),
          audit.findings().stream().map(FindingReport::name).collect(Collectors.joining(", ")),
          audit.id());
    } catch (Throwable e) {
      LOG.error("The demo could not be created (the service runs on without it)", e);
    }
    if (!demo.mysqlAvailable()) {
      return;
    }
    try {
      AuditReport audit =
          VertxContextSupport.subscribeAndAwait(
              () -> demo.createMySql("startup (DRIFTWATCH_DEMO)"));
      LOG.infof(
          "MySQL demo ready: environment `demo-mysql` audited, outcome %s. See GET /api/v1/audits/%s",
          audit.outcome(), audit.id());
    } catch (Throwable e) {
      LOG.error(
          "The MySQL demo could not be created (DRIFTWATCH_DEMO_MYSQL_URL; the service runs on)",
          e);
    }
  }
}
