package io.driftwatch.alerts;

import java.util.UUID;

public final class DeliveryNotFoundException extends RuntimeException {

  public DeliveryNotFoundException(UUID id) {
    super(
        "no alert delivery "
            + id
            + " (GET /api/v1/alerts/deliveries lists them; a deleted environment takes its "
            + "deliveries with it)",
        null,
        false,
        false);
  }
}
