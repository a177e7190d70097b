package io.driftwatch.environment;

import io.driftwatch.store.EnvironmentEntity;
import io.smallrye.mutiny.Uni;

/**
 * What the alerts side has to say when an environment's alert destinations are set: whether a
 * webhook URL may be used at all, and what a destination new to the environment is told.
 */
public interface AlertDestinationRules {

  /**
   * @throws InvalidEnvironmentException naming what is not allowed (never echoing the secret URL)
   */
  void check(String webhookUrl);

  /**
   * Read before {@code next} is applied to {@code stored}: the announcement to make, inside the
   * same transaction, to the destinations the change adds once it is applied.
   */
  Announcement changedBy(EnvironmentEntity stored, AlertSettings next);

  /** Tells the environment's new destinations what is already open. */
  @FunctionalInterface
  interface Announcement {
    Uni<Void> announce(EnvironmentEntity updated);
  }
}
