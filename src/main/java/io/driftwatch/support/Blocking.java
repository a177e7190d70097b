package io.driftwatch.support;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Blocking work (files, JDBC, git) off the event loop, with its result handed back on the caller's
 * Vert.x context: what comes next may use Hibernate Reactive, which must stay on that context.
 */
public final class Blocking {

  private Blocking() {}

  /** Runs {@code work} on a worker thread; emits on the calling context when there is one. */
  public static <T> Uni<T> call(Supplier<T> work) {
    Uni<T> onWorker =
        Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    Context context = Vertx.currentContext();
    return context == null ? onWorker : onWorker.emitOn(on(context));
  }

  /** An executor that runs on the current Vert.x context. */
  public static Executor onCurrentContext() {
    Context context = Vertx.currentContext();
    if (context == null) {
      throw new IllegalStateException(
          "not on a Vert.x context (use VertxContextSupport outside requests)");
    }
    return on(context);
  }

  private static Executor on(Context context) {
    return command -> context.runOnContext(ignored -> command.run());
  }
}
