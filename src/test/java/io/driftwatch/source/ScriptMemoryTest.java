package io.driftwatch.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The budget of what the audits in progress hold of their folders, across environments. */
class ScriptMemoryTest {

  @Test
  void reservations_within_the_budget_are_held_together_and_handed_back_on_close()
      throws Exception {
    ScriptMemory memory = new ScriptMemory(100, Duration.ofSeconds(5));
    try (ScriptMemory.Reservation first = memory.open();
        ScriptMemory.Reservation second = memory.open()) {
      first.take(60, "the first folder");
      second.take(40, "the second folder");
      assertThat(memory.held()).isEqualTo(100);
      assertThat(first.bytes()).isEqualTo(60);
    }
    assertThat(memory.held()).isZero();
  }

  @Test
  void a_reservation_without_room_waits_for_an_audit_to_end_then_takes_its_place()
      throws Exception {
    ScriptMemory memory = new ScriptMemory(100, Duration.ofSeconds(30));
    ScriptMemory.Reservation running = memory.open();
    running.take(80, "the running audit's folder");
    ScriptMemory.Reservation waiting = memory.open();
    CompletableFuture<Void> taken =
        CompletableFuture.runAsync(
            () -> {
              try {
                waiting.take(50, "the next folder");
              } catch (SourceUnavailableException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(200);
    assertThat(taken).as("no room yet: it waits").isNotDone();

    running.close();

    taken.get(10, TimeUnit.SECONDS);
    assertThat(memory.held()).isEqualTo(50);
    waiting.close();
  }

  @Test
  void after_the_wait_the_audit_ends_with_a_reason_that_names_the_setting() throws Exception {
    ScriptMemory memory = new ScriptMemory(100, Duration.ofMillis(100));
    try (ScriptMemory.Reservation running = memory.open();
        ScriptMemory.Reservation late = memory.open()) {
      running.take(80, "the running audit's folder");
      assertThatThrownBy(() -> late.take(50, "the 12 migrations of /srv/app/prisma/migrations"))
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining(
              "the 12 migrations of /srv/app/prisma/migrations need about 50 bytes")
          .hasMessageContaining(
              "hold 80 bytes of the 100 bytes allowed (DRIFTWATCH_SOURCE_MAX_HELD_BYTES)")
          .hasMessageContaining("after waiting 100 ms");
      assertThat(late.bytes()).isZero();
    }
  }

  @Test
  void more_than_the_whole_budget_is_refused_at_once_and_an_audit_holding_some_never_waits()
      throws Exception {
    ScriptMemory memory = new ScriptMemory(100, Duration.ofHours(1));
    try (ScriptMemory.Reservation huge = memory.open();
        ScriptMemory.Reservation other = memory.open();
        ScriptMemory.Reservation holding = memory.open()) {
      assertThatThrownBy(() -> huge.take(101, "the scripts"))
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining(
              "more than the 100 bytes driftwatch allows all audits in progress together");
      other.take(70, "another folder");
      holding.take(20, "this folder");
      // Holding some and waiting for more could wait on an audit that waits on it: refused at once
      // instead.
      assertThatThrownBy(() -> holding.take(20, "its schema"))
          .isInstanceOf(SourceUnavailableException.class);
      assertThat(memory.held()).isEqualTo(90);
    }
  }

  @Test
  void closing_twice_hands_back_once() throws Exception {
    ScriptMemory memory = new ScriptMemory(100, Duration.ZERO);
    ScriptMemory.Reservation reservation = memory.open();
    reservation.take(30, "a folder");
    reservation.close();
    reservation.close();
    assertThat(memory.held()).isZero();
  }
}
