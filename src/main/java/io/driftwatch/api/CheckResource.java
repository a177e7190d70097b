package io.driftwatch.api;

import io.driftwatch.access.Role;
import io.driftwatch.access.TokenScope;
import io.driftwatch.audit.CheckNotFoundException;
import io.driftwatch.audit.CheckService;
import io.driftwatch.audit.report.CheckReport;
import io.quarkus.security.identity.SecurityIdentity;
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
@RolesAllowed({Role.VIEWER_NAME, Role.CHECKER_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Checks",
    description =
        "A CI gate: an environment's database audited against the migrations of a ref, judged"
            + " PASS, WARN or FAIL")
public class CheckResource {

  private final CheckService checks;
  private final SecurityIdentity identity;

  public CheckResource(CheckService checks, SecurityIdentity identity) {
    this.checks = checks;
    this.identity = identity;
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One check in full")
  public Uni<CheckReport> get(@PathParam("id") UUID id) {
    // A token limited to environments sees a check of another one as absent.
    return checks
        .get(id)
        .invoke(
            check -> {
              if (!TokenScope.allows(identity, check.environment())) {
                throw new CheckNotFoundException("no check with id " + id);
              }
            });
  }
}
