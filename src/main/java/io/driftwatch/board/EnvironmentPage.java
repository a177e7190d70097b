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
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An environment's page: its latest audit in full, and its recent audits. */
@PermitAll // who may see what is decided in the page: a stranger is sent to sign in, not given a
// 401
@Path("/environments/{name}")
public class EnvironmentPage {

  private static final int HISTORY = 30;

  private final AuditService audits;
  private final CurrentIdentityAssociation identities;

  public EnvironmentPage(AuditService audits, CurrentIdentityAssociation identities) {
    this.audits = audits;
    this.identities = identities;
  }

  @GET
  @Produces(Pages.HTML)
  @Operation(hidden = true)
  public Uni<Response> environment(
      @PathParam("name") String name, @Context UriInfo uri, @Context HttpHeaders headers) {
    return Pages.forViewer(
        identities,
        uri,
        identity ->
            ReportPage.outOfScope(identity, name)
                .map(refused -> Uni.createFrom().item(refused))
                .orElseGet(() -> page(name, headers)));
  }

  private Uni<Response> page(String name, HttpHeaders headers) {
    return audits
        .latestReport(name)
        .flatMap(
            report ->
                audits
                    .page(name, 0, HISTORY)
                    .map(page -> ReportPage.of(report, page.items(), true, headers)));
  }
}
