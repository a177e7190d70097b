package io.driftwatch.metrics;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.CronExpression;

/**
 * How long an environment's schedule may leave it without an audit: the longest gap between the
 * coming fire times of its Quartz cron. For a regular cron ({@code 0 *}{@code /15 * * * ?}, hourly,
 * daily) that is the gap between the next two fire times; for one that skips (weekdays only, office
 * hours) it is the longest skip, so the staleness rule never fires over a weekend the schedule
 * leaves out. Quartz has no such query: this walks the fire times, a week's worth at most.
 */
public final class SchedulePeriod {

  /**
   * A week covers every skip of a cron that repeats weekly; a cron firing every second stops at
   * this many.
   */
  static final int MOST_FIRE_TIMES = 20_000;

  private static final Duration LOOK_AHEAD = Duration.ofDays(7);

  /**
   * Periods by cron: the walk is the same for every environment on one schedule, and crons rarely
   * change.
   */
  private final Map<String, Duration> byCron = new ConcurrentHashMap<>();

  private final TimeZone zone;

  public SchedulePeriod(TimeZone zone) {
    this.zone = zone;
  }

  /**
   * The period of a schedule, {@link Duration#ZERO} when nothing is scheduled: paused, or a cron
   * that fires less than twice more (such as the tests' {@code 0 0 0 1 1 ? 2099}).
   */
  public Duration of(String cron, boolean paused, Instant now) {
    if (paused || cron == null) {
      return Duration.ZERO;
    }
    return byCron.computeIfAbsent(cron, expression -> longestGap(expression, now));
  }

  private Duration longestGap(String cron, Instant now) {
    CronExpression expression;
    try {
      expression = new CronExpression(cron);
    } catch (ParseException e) {
      // Stored schedules were validated; one that no longer parses schedules nothing.
      return Duration.ZERO;
    }
    expression.setTimeZone(zone);
    Date first = expression.getNextValidTimeAfter(Date.from(now));
    if (first == null) {
      return Duration.ZERO;
    }
    Date previous = first;
    long longest = 0;
    for (int fired = 1; fired < MOST_FIRE_TIMES; fired++) {
      Date next = expression.getNextValidTimeAfter(previous);
      if (next == null) {
        break;
      }
      longest = Math.max(longest, next.getTime() - previous.getTime());
      previous = next;
      if (previous.getTime() - first.getTime() >= LOOK_AHEAD.toMillis()) {
        break;
      }
    }
    return Duration.ofMillis(longest);
  }
}
