package io.driftwatch.api;

import io.driftwatch.access.Role;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.rules.FindingCatalogue;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/findings")
@RolesAllowed(Role.VIEWER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Findings", description = "The catalogue of finding codes")
public class FindingCatalogueResource {

  /** One kind of finding. */
  public record FindingTypeView(
      String code, String name, String family, String severity, String summary) {
    static FindingTypeView of(FindingType type) {
      return new FindingTypeView(
          type.code(), type.name(), type.family().name(), type.severity().name(), type.summary());
    }
  }

  @GET
  @Operation(summary = "Every finding driftwatch reports, by code")
  public List<FindingTypeView> list() {
    return FindingCatalogue.types().stream().map(FindingTypeView::of).toList();
  }
}
