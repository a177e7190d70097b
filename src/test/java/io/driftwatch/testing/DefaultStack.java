package io.driftwatch.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs work on a new thread with the JVM's default stack size, as the service's worker and
 * event-loop threads have: the test's main thread often has a far larger one (the process's), which
 * would hide a recursion per item.
 */
public final class DefaultStack {

  private DefaultStack() {}

  public static <T> T call(Supplier<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(work.get());
              } catch (Throwable e) {
                result.completeExceptionally(e);
              }
            },
            "default-stack");
    thread.start();
    return result.get(120, TimeUnit.SECONDS);
  }
}
