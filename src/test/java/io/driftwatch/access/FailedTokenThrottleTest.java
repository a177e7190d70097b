package io.driftwatch.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedTokenThrottleTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final FailedTokenThrottle throttle =
      new FailedTokenThrottle(3, Duration.ofSeconds(60), 100, now::get);

  @Test
  void the_nth_failure_within_the_window_refuses_the_client_for_one_window() {
    throttle.failed("10.0.0.1");
    throttle.failed("10.0.0.1");
    assertThat(throttle.refusal("10.0.0.1")).isEmpty();
    advance(Duration.ofSeconds(20));
    throttle.failed("10.0.0.1");
    assertThat(throttle.refusal("10.0.0.1")).contains(Duration.ofSeconds(60));
    assertThat(throttle.refusal("10.0.0.2")).as("another client").isEmpty();
    advance(Duration.ofSeconds(59));
    assertThat(throttle.refusal("10.0.0.1")).contains(Duration.ofSeconds(1));
    advance(Duration.ofSeconds(1));
    assertThat(throttle.refusal("10.0.0.1")).isEmpty();
    throttle.failed("10.0.0.1");
    assertThat(throttle.refusal("10.0.0.1")).as("the count starts again after a refusal").isEmpty();
  }

  @Test
  void failures_spread_over_more_than_a_window_never_add_up() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("10.0.0.1");
      throttle.failed("10.0.0.1");
      advance(Duration.ofSeconds(61));
    }
    assertThat(throttle.refusal("10.0.0.1")).isEmpty();
  }

  @Test
  void a_flood_of_addresses_keeps_the_map_bounded() {
    for (int i = 0; i < 5_000; i++) {
      throttle.failed("10.1." + (i / 256) + "." + (i % 256));
    }
    assertThat(throttle.trackedClients()).isEqualTo(100);
  }

  @Test
  void an_ipv6_client_is_its_64_prefix() {
    assertThat(FailedTokenThrottle.key("2001:db8:1:2::1"))
        .isEqualTo(FailedTokenThrottle.key("2001:db8:1:2:ffff::9"));
    assertThat(FailedTokenThrottle.key("2001:db8:1:2::1"))
        .isNotEqualTo(FailedTokenThrottle.key("2001:db8:1:3::1"));
    assertThat(FailedTokenThrottle.key("192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(FailedTokenThrottle.key("not:an:address.example"))
        .isEqualTo("not:an:address.example");
    for (int i = 0; i < 3; i++) {
      throttle.failed("2001:db8:1:2::" + Integer.toHexString(i + 1));
    }
    assertThat(throttle.refusal("2001:db8:1:2::abcd")).isPresent();
  }

  private void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }
}
