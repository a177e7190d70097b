package io.driftwatch.alerts;

import io.driftwatch.store.AlertOutboxEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * One message of the alert outbox as a delivery to look at, read from the store's row once; never
 * its destination URL.
 *
 * @param nextAttemptAt when a pending delivery is tried next; null once it is not pending
 */
public record Delivery(
    UUID id,
    String environment,
    String tier,
    String channel,
    String kind,
    DeliveryState state,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant deliveredAt,
    Instant failedAt) {

  static Delivery of(AlertOutboxEntity message) {
    DeliveryState state = DeliveryState.of(message);
    return new Delivery(
        message.id,
        message.environment,
        message.tier,
        message.channel,
        message.kind,
        state,
        message.attempts,
        message.lastError,
        message.createdAt,
        state == DeliveryState.PENDING ? message.nextAttemptAt : null,
        message.deliveredAt,
        message.failedAt);
  }
}
