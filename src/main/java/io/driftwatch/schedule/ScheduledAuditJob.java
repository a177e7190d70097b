package io.driftwatch.schedule;

import io.driftwatch.audit.AuditRunningException;
import io.driftwatch.audit.AuditService;
import io.driftwatch.audit.ShuttingDownException;
import io.driftwatch.environment.EnvironmentNotFoundException;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.Dependent;
import org.jboss.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * One scheduled audit. Quartz runs it on a blocking worker thread, so the reactive audit runs on a
 * Vert.x context through VertxContextSupport, and is waited for a bounded time. A manual audit
 * holding the lease makes this one step aside; the cluster never runs one environment's job twice
 * at once.
 */
@Dependent
@DisallowConcurrentExecution
public class ScheduledAuditJob implements Job {

  static final String ENVIRONMENT = "environment";
  private static final Logger LOG = Logger.getLogger(ScheduledAuditJob.class);

  private final AuditService audits;

  public ScheduledAuditJob(AuditService audits) {
    this.audits = audits;
  }

  @Override
  public void execute(JobExecutionContext context) {
    String environment = context.getMergedJobDataMap().getString(ENVIRONMENT);
    try {
      // The audit ends within its own timeout; this bound only keeps a Quartz thread from waiting
      // forever on a bug.
      VertxContextSupport.subscribeAndAwait(
          () ->
              audits
                  .run(environment)
                  .ifNoItem()
                  .after(audits.longestRun())
                  .failWith(
                      () ->
                          new IllegalStateException(
                              "no answer within " + audits.longestRun().toSeconds() + " s")));
    } catch (AuditRunningException e) {
      LOG.debugf("scheduled audit of %s skipped: another audit holds its lease", environment);
    } catch (ShuttingDownException e) {
      LOG.debugf("scheduled audit of %s skipped: this replica is shutting down", environment);
    } catch (EnvironmentNotFoundException e) {
      LOG.debugf("scheduled audit of %s skipped: the environment was deleted", environment);
    } catch (Throwable e) {
      LOG.warnf(e, "the scheduled audit of %s failed", environment);
    }
  }
}
