package io.driftwatch.audit;

import java.time.Duration;

/**
 * Another audit of the same environment holds its lease, which expires in {@link #retryAfter()}
 * unless renewed.
 */
public final class AuditRunningException extends RuntimeException {

  private final Duration retryAfter;

  public AuditRunningException(String environment, Duration retryAfter) {
    this(
        retryAfter,
        "an audit of `"
            + environment
            + "` is already running; try again when it has finished (its lease "
            + "expires in "
            + seconds(retryAfter)
            + " s unless that audit, still running, renews it)");
  }

  private AuditRunningException(Duration retryAfter, String message) {
    super(message, null, false, false);
    this.retryAfter = retryAfter;
  }

  /**
   * This audit's lease was taken over (its renewals came too late): another audit of the
   * environment runs now.
   */
  static AuditRunningException takenOver(String environment, Duration leaseTimeout) {
    return new AuditRunningException(
        leaseTimeout,
        "the lease of this audit of `"
            + environment
            + "` was taken over "
            + "while it ran (its renewals came too late), so it was not stored: another audit of it runs now; try again when "
            + "it has finished");
  }

  /** When the lease is free at the earliest: the Retry-After of the answer. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whole seconds, rounded up, at least 1: what a Retry-After header carries. */
  public static long seconds(Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1000);
  }
}
