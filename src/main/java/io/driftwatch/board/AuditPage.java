package io.driftwatch.board;

import io.driftwatch.audit.AuditService;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * An audit's permanent page: where Slack alerts and webhooks link (after signing in, the browser
 * comes back here).
 */
@PermitAll // who may see what is decided in the page: a stranger is sent to sign in, not given a
// 401
@Path("/audits/{id}")
public class AuditPage {

  private final AuditService audits;
  private final CurrentIdentityAssociation identities;

  public AuditPage(AuditService audits, CurrentIdentityAssociation identities) {
    this.audits = audits;
    this.identities = identities;
  }

  @GET
  @Produces(Pages.HTML)
  @Operation(hidden = true)
  public Uni<Response> audit(
      @PathParam("id") UUID id, @Context UriInfo uri, @Context HttpHeaders headers) {
    return Pages.forViewer(
        identities,
        uri,
        identity ->
            audits
                .get(id)
                .map(
                    report ->
                        ReportPage.outOfScope(identity, report.environment())
                            .orElseGet(() -> ReportPage.of(report, List.of(), false, headers))));
  }
}
