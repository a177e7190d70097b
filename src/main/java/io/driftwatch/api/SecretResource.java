package io.driftwatch.api;

import io.driftwatch.access.Role;
import io.driftwatch.secrets.SecretResealing;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/secrets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Access")
public class SecretResource {

  private final SecretResealing resealing;

  public SecretResource(SecretResealing resealing) {
    this.resealing = resealing;
  }

  @POST
  @Path("reseal")
  @Operation(
      summary = "Move every stored secret to the current master key",
      description =
          "Key rotation: configure the new DRIFTWATCH_MASTER_KEY, list the old one in "
              + "DRIFTWATCH_PREVIOUS_MASTER_KEYS, call this, then remove the old key.")
  public Uni<SecretResealing.Resealed> reseal(@Context SecurityContext caller) {
    return resealing.resealAll(Callers.name(caller));
  }
}
