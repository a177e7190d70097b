package io.driftwatch.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Reads a value again until it is as expected, within a bound: for what the service finishes in the
 * background.
 */
public final class Eventually {

  private static final long STEP_MILLIS = 50;

  private Eventually() {}

  /**
   * The value as soon as {@code done} holds, or the last one read when the bound is over (for the
   * assertion).
   */
  public static <T> T within(Duration bound, Callable<T> read, Predicate<T> done) {
    long deadline = System.nanoTime() + bound.toNanos();
    try {
      T value = read.call();
      while (!done.test(value) && System.nanoTime() - deadline < 0) {
        Thread.sleep(STEP_MILLIS);
        value = read.call();
      }
      return value;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
