package io.driftwatch.api;

import io.driftwatch.access.Role;
import io.driftwatch.audit.AuditService;
import io.driftwatch.audit.report.AuditReport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audits")
@RolesAllowed(Role.VIEWER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audits")
public class AuditResource {

  private final AuditService audits;

  public AuditResource(AuditService audits) {
    this.audits = audits;
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One audit, in full")
  public Uni<AuditReport> get(@PathParam("id") UUID id) {
    return audits.get(id);
  }
}
