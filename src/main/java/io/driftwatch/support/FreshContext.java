package io.driftwatch.support;

import io.quarkus.vertx.core.runtime.VertxCoreRecorder;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs work on a new duplicated Vert.x context, with a Hibernate Reactive session of its own: for
 * work that must not share the session of a stage that was cancelled halfway (its operations may
 * still be running on it). VertxContextSupport reuses the current context, hence this.
 */
public final class FreshContext {

  private FreshContext() {}

  public static <T> Uni<T> run(Supplier<Uni<T>> work) {
    return Uni.createFrom()
        .emitter(
            emitter -> {
              Context current = Vertx.currentContext();
              Context fresh =
                  current != null
                      ? VertxContext.createNewDuplicatedContext(current)
                      : VertxContext.createNewDuplicatedContext(
                          VertxCoreRecorder.getVertx().get().getOrCreateContext());
              VertxContextSafetyToggle.setContextSafe(fresh, true);
              fresh.runOnContext(
                  ignored -> work.get().subscribe().with(emitter::complete, emitter::fail));
            });
  }
}
