package io.driftwatch.schedule;

import io.driftwatch.environment.Environment;
import io.driftwatch.environment.EnvironmentListener;
import io.driftwatch.support.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Keeps Quartz's clustered job store in step with the environments: one durable job and one cron
 * trigger per environment, keyed by its id. Misfires after downtime fire once, not in a burst. The
 * job store is JDBC, so every call here blocks: the async forms run on a worker thread.
 */
@ApplicationScoped
public class AuditScheduler implements EnvironmentListener {

  static final String GROUP = "audits";

  private final Scheduler quartz;

  public AuditScheduler(Scheduler quartz) {
    this.quartz = quartz;
  }

  @Override
  public Uni<Void> saved(Environment environment, String previousName) {
    return applyAsync(environment);
  }

  @Override
  public Uni<Void> deleted(UUID id, String name) {
    return removeAsync(id);
  }

  private Uni<Void> applyAsync(Environment environment) {
    return Blocking.call(
            () -> {
              apply(environment);
              return environment;
            })
        .replaceWithVoid();
  }

  private Uni<Void> removeAsync(UUID environmentId) {
    return Blocking.call(
            () -> {
              remove(environmentId);
              return environmentId;
            })
        .replaceWithVoid();
  }

  /**
   * Schedules, reschedules or pauses; leaves an unchanged trigger alone so its misfire state
   * survives restarts.
   */
  public void apply(Environment environment) {
    String id = environment.id().toString();
    JobKey jobKey = JobKey.jobKey(id, GROUP);
    TriggerKey triggerKey = TriggerKey.triggerKey(id, GROUP);
    try {
      Trigger existing = quartz.getTrigger(triggerKey);
      JobDetail current = quartz.getJobDetail(jobKey);
      boolean unchanged =
          existing instanceof CronTrigger cron
              && cron.getCronExpression().equals(environment.schedule().cron())
              && current != null
              && environment
                  .name()
                  .equals(current.getJobDataMap().getString(ScheduledAuditJob.ENVIRONMENT));
      if (!unchanged) {
        JobDetail job =
            JobBuilder.newJob(ScheduledAuditJob.class)
                .withIdentity(jobKey)
                .usingJobData(ScheduledAuditJob.ENVIRONMENT, environment.name())
                .storeDurably()
                .build();
        Trigger trigger = trigger(triggerKey, jobKey, environment.schedule().cron());
        quartz.scheduleJob(job, Set.of(trigger), true);
      }
      boolean paused = quartz.getTriggerState(triggerKey) == Trigger.TriggerState.PAUSED;
      if (environment.schedule().paused() && !paused) {
        quartz.pauseTrigger(triggerKey);
      } else if (!environment.schedule().paused() && paused) {
        quartz.resumeTrigger(triggerKey);
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException(
          "the schedule of " + environment.name() + " cannot be stored", e);
    }
  }

  /**
   * The cron trigger of an environment: after downtime, a missed audit runs once, not once per
   * missed time.
   */
  static Trigger trigger(TriggerKey key, JobKey job, String cron) {
    return TriggerBuilder.newTrigger()
        .withIdentity(key)
        .forJob(job)
        .withSchedule(
            CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
        .build();
  }

  public void remove(UUID environmentId) {
    try {
      quartz.deleteJob(JobKey.jobKey(environmentId.toString(), GROUP));
    } catch (SchedulerException e) {
      throw new IllegalStateException(
          "the schedule of environment " + environmentId + " cannot be removed", e);
    }
  }

  /** Every environment scheduled as stored, and no job left for an environment that is gone. */
  public void sync(Collection<Environment> environments) {
    Set<String> wanted = new HashSet<>();
    for (Environment environment : environments) {
      apply(environment);
      wanted.add(environment.id().toString());
    }
    try {
      for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
        if (!wanted.contains(key.getName())) {
          quartz.deleteJob(key);
        }
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("the scheduled audits cannot be listed", e);
    }
  }
}
