package io.driftwatch.api;

import io.driftwatch.access.Role;
import io.driftwatch.alerts.OpenFinding;
import io.driftwatch.alerts.OpenFindings;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/environments/{name}")
@RolesAllowed(Role.VIEWER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Open findings, acknowledgements and test notifications")
public class FindingResource {

  private final OpenFindings findings;

  public FindingResource(OpenFindings findings) {
    this.findings = findings;
  }

  /**
   * An open finding: alerted when it appeared, reminded of while open unless acknowledged. The
   * API's own shape, copied from the alerts' record, so either can change without the other.
   *
   * @param fingerprint stable across audits: the code and the migration
   * @param acknowledgedUntil reminders resume after it; null with acknowledgedAt set: for good
   */
  public record OpenFindingView(
      String fingerprint,
      String code,
      String name,
      String severity,
      String migration,
      Instant firstSeenAt,
      Instant lastSeenAt,
      Instant lastNotifiedAt,
      Instant acknowledgedAt,
      Instant acknowledgedUntil,
      String acknowledgedComment) {

    static OpenFindingView of(OpenFinding f) {
      return new OpenFindingView(
          f.fingerprint(),
          f.code(),
          f.name(),
          f.severity(),
          f.migration(),
          f.firstSeenAt(),
          f.lastSeenAt(),
          f.lastNotifiedAt(),
          f.acknowledgedAt(),
          f.acknowledgedUntil(),
          f.acknowledgedComment());
    }
  }

  /**
   * @param until silence reminders until then; omit for good (until the finding clears)
   * @param comment why, for the team
   */
  public record AcknowledgementRequest(
      Instant until,
      @Size(max = 1000) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters")
          String comment) {}

  /**
   * @param queued how many messages were queued (one per destination)
   */
  public record TestNotification(int queued) {}

  @GET
  @Path("findings")
  @Operation(summary = "The environment's open findings, oldest first")
  public Uni<List<OpenFindingView>> list(@PathParam("name") String name) {
    return findings.list(name).map(list -> list.stream().map(OpenFindingView::of).toList());
  }

  @PUT
  @RolesAllowed(Role.OPERATOR_NAME)
  @Path("findings/{fingerprint}/acknowledgement")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Acknowledge an open finding: no reminders until the given time, or until it clears")
  public Uni<OpenFindingView> acknowledge(
      @PathParam("name") String name,
      @PathParam("fingerprint") @Pattern(regexp = "[0-9a-f]{16}", message = "must be 16 hex digits")
          String fingerprint,
      @Valid AcknowledgementRequest request) {
    AcknowledgementRequest body =
        request == null ? new AcknowledgementRequest(null, null) : request;
    return findings
        .acknowledge(name, fingerprint, body.until(), body.comment())
        .map(OpenFindingView::of);
  }

  @DELETE
  @RolesAllowed(Role.OPERATOR_NAME)
  @Path("findings/{fingerprint}/acknowledgement")
  @Operation(summary = "Withdraw an acknowledgement: reminders resume")
  public Uni<OpenFindingView> unacknowledge(
      @PathParam("name") String name,
      @PathParam("fingerprint") @Pattern(regexp = "[0-9a-f]{16}", message = "must be 16 hex digits")
          String fingerprint) {
    return findings.unacknowledge(name, fingerprint).map(OpenFindingView::of);
  }

  @POST
  @RolesAllowed(Role.OPERATOR_NAME)
  @Path("alerts/test")
  @APIResponseSchema(
      value = TestNotification.class,
      responseCode = "202",
      responseDescription = "Queued for delivery")
  @Operation(summary = "Send a test notification to the environment's alert destinations")
  public Uni<RestResponse<TestNotification>> test(@PathParam("name") String name) {
    return findings
        .sendTest(name)
        .map(queued -> RestResponse.accepted(new TestNotification(queued)));
  }
}
