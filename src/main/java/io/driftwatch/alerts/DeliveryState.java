package io.driftwatch.alerts;

import io.driftwatch.store.AlertOutboxEntity;
import java.util.Locale;

/** Where a message of the outbox stands. */
public enum DeliveryState {
  /** Not yet delivered: due, waiting for a retry, or being sent. */
  PENDING("deliveredAt is null and failedAt is null"),
  /** The destination took it. */
  DELIVERED("deliveredAt is not null"),
  /** Given up: refused by the destination, or too many attempts; kept until someone retries it. */
  FAILED("failedAt is not null");

  /** The query that selects the state's rows. */
  final String condition;

  DeliveryState(String condition) {
    this.condition = condition;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DeliveryState parse(String label) {
    return valueOf(label.strip().toUpperCase(Locale.ROOT));
  }

  public static DeliveryState of(AlertOutboxEntity message) {
    return message.deliveredAt != null ? DELIVERED : message.failedAt != null ? FAILED : PENDING;
  }
}
