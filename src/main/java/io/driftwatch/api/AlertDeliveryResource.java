package io.driftwatch.api;

import io.driftwatch.access.Role;
import io.driftwatch.alerts.AlertDeliveries;
import io.driftwatch.alerts.Delivery;
import io.driftwatch.alerts.DeliveryState;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/alerts/deliveries")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
public class AlertDeliveryResource {

  private final AlertDeliveries deliveries;

  public AlertDeliveryResource(AlertDeliveries deliveries) {
    this.deliveries = deliveries;
  }

  /**
   * One message of the outbox to one destination. The destination's URL is a secret and never
   * shown.
   *
   * @param channel SLACK or WEBHOOK
   * @param kind OPENED, RESOLVED, REMINDER, ALREADY_OPEN or TEST
   * @param state pending, delivered or failed
   * @param attempts attempts since it was queued (or retried)
   * @param lastError what the latest failed attempt met, e.g. {@code 400 invalid_blocks}
   * @param nextAttemptAt when a pending delivery is tried next
   */
  public record DeliveryView(
      UUID id,
      String environment,
      String tier,
      String channel,
      String kind,
      String state,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant nextAttemptAt,
      Instant deliveredAt,
      Instant failedAt) {

    static DeliveryView of(Delivery delivery) {
      return new DeliveryView(
          delivery.id(),
          delivery.environment(),
          delivery.tier(),
          delivery.channel(),
          delivery.kind(),
          delivery.state().label(),
          delivery.attempts(),
          delivery.lastError(),
          delivery.createdAt(),
          delivery.nextAttemptAt(),
          delivery.deliveredAt(),
          delivery.failedAt());
    }
  }

  /** One page of deliveries, newest first. */
  public record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {}

  /**
   * @param state pending, delivered or failed; all when omitted
   * @param environment only this environment's (by the name it had when the message was queued)
   */
  @GET
  @Operation(
      summary = "Page through alert deliveries, newest first",
      description =
          "`?state=failed` lists the deliveries given up (refused by the destination, or out of attempts): "
              + "they stay in the outbox until retried. Destination URLs are never shown.")
  public Uni<DeliveryPage> list(
      @QueryParam("state")
          @Pattern(
              regexp = "(?i)pending|delivered|failed",
              message = "must be pending, delivered or failed")
          String state,
      @QueryParam("environment")
          @Pattern(regexp = "[a-z0-9-]{1,63}", message = "must be an environment name")
          String environment,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return deliveries
        .page(state == null ? null : DeliveryState.parse(state), environment, page, size)
        .map(
            found ->
                new DeliveryPage(
                    found.items().stream().map(DeliveryView::of).toList(),
                    found.page(),
                    found.size(),
                    found.total()));
  }

  @POST
  @Path("{id}/retry")
  @APIResponseSchema(
      value = DeliveryView.class,
      responseCode = "202",
      responseDescription = "Queued again for delivery")
  @Operation(
      summary = "Send a failed delivery again",
      description =
          "To the destination it had, with a fresh set of attempts. 409 unless it is failed.")
  public Uni<RestResponse<DeliveryView>> retry(
      @PathParam("id") UUID id, @Context SecurityContext caller) {
    return deliveries
        .retry(id, Callers.name(caller))
        .map(message -> RestResponse.accepted(DeliveryView.of(message)));
  }
}
