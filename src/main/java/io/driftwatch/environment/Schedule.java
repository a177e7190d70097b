package io.driftwatch.environment;

import java.text.ParseException;
import org.quartz.CronExpression;

/**
 * When an environment is audited on its own: a Quartz cron expression (seconds first, e.g. {@code 0
 * *}{@code /15 * * * ?}), and whether the schedule is paused.
 */
public record Schedule(String cron, boolean paused) {

  /**
   * @throws InvalidEnvironmentException saying what is wrong with the expression
   */
  public static Schedule valid(String cron, boolean paused) {
    if (cron == null || cron.isBlank()) {
      throw new InvalidEnvironmentException(
          "schedule.cron is required, e.g. \"0 */15 * * * ?\" (every 15 minutes)");
    }
    try {
      CronExpression.validateExpression(cron.strip());
    } catch (ParseException e) {
      throw new InvalidEnvironmentException(
          "schedule.cron `"
              + cron
              + "` is not a Quartz cron expression ("
              + e.getMessage()
              + "); the fields are: seconds minutes hours day-of-month month day-of-week [year], "
              + "e.g. \"0 */15 * * * ?\"");
    }
    return new Schedule(cron.strip(), paused);
  }
}
