package io.driftwatch.api;

import io.driftwatch.access.ChangeLog;
import io.driftwatch.access.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Access")
public class ChangeLogResource {

  private final ChangeLog changes;

  public ChangeLogResource(ChangeLog changes) {
    this.changes = changes;
  }

  /**
   * @param before only changes older than this id (the last id of the previous page)
   * @param limit at most this many, newest first
   */
  @GET
  @Operation(
      summary = "Change log",
      description = "Who changed environments, alert channels, tokens and keys, and when.")
  public Uni<List<ChangeLog.Change>> list(
      @QueryParam("before") @Min(1) Long before,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    return changes.newestFirst(before, limit);
  }
}
