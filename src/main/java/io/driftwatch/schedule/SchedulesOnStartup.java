package io.driftwatch.schedule;

import io.driftwatch.environment.EnvironmentService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** At start-up, schedules every stored environment that has no (or an outdated) trigger. */
public class SchedulesOnStartup {

  private static final Logger LOG = Logger.getLogger(SchedulesOnStartup.class);

  void onStart(
      @Observes StartupEvent event, EnvironmentService environments, AuditScheduler scheduler) {
    try {
      scheduler.sync(VertxContextSupport.subscribeAndAwait(environments::list));
    } catch (Throwable e) {
      LOG.error(
          "the scheduled audits could not be synchronised with the environments; manual audits still work",
          e);
    }
  }
}
