package io.driftwatch.audit;

import java.time.Duration;

/** This replica is shutting down: it starts no new audit. */
public final class ShuttingDownException extends RuntimeException {

  private final Duration retryAfter;

  public ShuttingDownException(Duration retryAfter) {
    super(
        "this driftwatch replica is shutting down and starts no new audit; retry (another replica, or this one once "
            + "restarted, will run it)",
        null,
        false,
        false);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
