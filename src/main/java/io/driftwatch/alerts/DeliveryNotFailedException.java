package io.driftwatch.alerts;

import java.util.UUID;

/**
 * Only a delivery that was given up can be sent again: a pending one is on its way, a delivered one
 * arrived.
 */
public final class DeliveryNotFailedException extends RuntimeException {

  public DeliveryNotFailedException(UUID id, DeliveryState state) {
    super(
        "alert delivery "
            + id
            + " is "
            + state.label()
            + ", not failed: only a failed delivery can be retried"
            + (state == DeliveryState.PENDING ? " (this one is still being attempted)" : ""),
        null,
        false,
        false);
  }
}
