package io.driftwatch.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Writes many entities as one session operation. Hibernate Reactive's {@code persistAll} loops
 * without nesting, where a Uni chained once per entity nests one stack frame per entity and
 * overflows on large audits (thousands of findings).
 */
public final class StoreBatches {

  private StoreBatches() {}

  /** Persists every entity in the current session; nothing to write is a no-op. */
  public static Uni<Void> persistAll(List<?> entities) {
    if (entities.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Panache.getSession().flatMap(session -> session.persistAll(entities.toArray()));
  }
}
