package io.driftwatch.environment;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Hears of an environment once its change is stored (its schedule, its metric series). The change
 * is made whatever a listener does: a failing listener is logged and repaired by its own sync at
 * the next start, never turned into a failed request.
 */
public interface EnvironmentListener {

  /** Created or changed; {@code previousName} is the name it had before a rename, else its name. */
  Uni<Void> saved(Environment environment, String previousName);

  Uni<Void> deleted(UUID id, String name);
}
