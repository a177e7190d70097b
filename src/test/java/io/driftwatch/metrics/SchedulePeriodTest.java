package io.driftwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * The period the staleness rule multiplies: the longest gap between an environment's scheduled
 * audits.
 */
class SchedulePeriodTest {

  /** A Wednesday. */
  private static final Instant NOW = Instant.parse("2026-03-04T10:07:00Z");

  private final SchedulePeriod periods = new SchedulePeriod(TimeZone.getTimeZone("UTC"));

  @Test
  void a_regular_cron_has_the_gap_between_its_next_two_fire_times() {
    assertThat(periods.of("0 */15 * * * ?", false, NOW)).isEqualTo(Duration.ofMinutes(15));
    assertThat(periods.of("0 */5 * * * ?", false, NOW)).isEqualTo(Duration.ofMinutes(5));
    assertThat(periods.of("0 0 * * * ?", false, NOW)).isEqualTo(Duration.ofHours(1));
    assertThat(periods.of("0 30 2 * * ?", false, NOW)).isEqualTo(Duration.ofDays(1));
    assertThat(periods.of("*/20 * * * * ?", false, NOW)).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void a_cron_that_skips_days_or_hours_has_its_longest_skip() {
    assertThat(periods.of("0 0 9 ? * MON-FRI", false, NOW))
        .as("Friday 9:00 to Monday 9:00")
        .isEqualTo(Duration.ofDays(3));
    assertThat(periods.of("0 */15 9-17 ? * MON-FRI", false, NOW))
        .as("Friday 17:45 to Monday 9:00")
        .isEqualTo(Duration.ofHours(63).plusMinutes(15));
    assertThat(periods.of("0 0 8,12 * * ?", false, NOW))
        .as("12:00 to 8:00")
        .isEqualTo(Duration.ofHours(20));
  }

  @Test
  void nothing_is_scheduled_when_paused_or_when_the_cron_no_longer_repeats() {
    assertThat(periods.of("0 */15 * * * ?", true, NOW)).isZero();
    assertThat(periods.of("0 0 0 1 1 ? 2099", false, NOW)).as("fires once more").isZero();
    assertThat(periods.of("0 0 0 1 1 ? 2020", false, NOW)).as("never fires again").isZero();
  }

  @Test
  void the_walk_is_bounded_for_a_cron_firing_every_second() {
    assertThat(periods.of("* * * * * ?", false, NOW)).isEqualTo(Duration.ofSeconds(1));
  }
}
