package io.driftwatch.store;

import java.time.Duration;

/**
 * Another owner holds an environment's audit lease; it expires in {@link #freeIn()} unless that
 * owner renews it.
 */
public final class LeaseHeldException extends RuntimeException {

  private final Duration freeIn;

  public LeaseHeldException(Duration freeIn) {
    super(
        "the audit lease is held; it expires in " + freeIn.toMillis() + " ms unless renewed",
        null,
        false,
        false);
    this.freeIn = freeIn;
  }

  public Duration freeIn() {
    return freeIn;
  }
}
