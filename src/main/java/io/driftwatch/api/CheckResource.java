package io.driftwatch.api;

import io.driftwatch.access.Role;
import io.driftwatch.audit.CheckService;
import io.driftwatch.audit.report.CheckReport;
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

@Path("/api/v1/checks")
@RolesAllowed(Role.VIEWER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Checks",
    description =
        "A CI gate: an environment's database audited against the migrations of a ref, judged"
            + " PASS, WARN or FAIL")
public class CheckResource {

  private final CheckService checks;

  public CheckResource(CheckService checks) {
    this.checks = checks;
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One check in full")
  public Uni<CheckReport> get(@PathParam("id") UUID id) {
    return checks.get(id);
  }
}
