package io.driftwatch.api;

import io.driftwatch.access.Role;
import io.driftwatch.audit.CheckService;
import io.driftwatch.audit.InvalidCheckException;
import io.driftwatch.audit.report.CheckReport;
import io.driftwatch.core.gate.FindingSelector;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/environments/{name}/checks")
@RolesAllowed({Role.VIEWER_NAME, Role.CHECKER_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Checks",
    description =
        "A CI gate: an environment's database audited against the migrations of a ref, judged"
            + " PASS, WARN or FAIL")
public class EnvironmentCheckResource {

  private final CheckService checks;

  public EnvironmentCheckResource(CheckService checks) {
    this.checks = checks;
  }

  @POST
  @RolesAllowed(Role.CHECKER_NAME)
  @Consumes(MediaType.APPLICATION_JSON)
  @APIResponseSchema(
      value = CheckReport.class,
      responseCode = "201",
      responseDescription = "The check, stored; Location names it")
  @Operation(
      summary = "Check an environment's database against the migrations of a ref",
      description =
          "Runs a full audit of the environment's database against the migrations at `ref` of its"
              + " repository and judges it by the gate policy (the default fails on what makes"
              + " the next deploy fail or lose data, or what it would make worse, and warns on"
              + " the rest at warning level). The verdict is ERROR when the database or the"
              + " source could not be read. A check never becomes the environment's latest"
              + " status and never alerts; who ran it is in the change log. A checker token (a"
              + " pipeline's) may run checks, limited to the environments it names. 400 for a"
              + " source without refs (a local folder) or a selector that does not parse.")
  public Uni<RestResponse<CheckReport>> check(
      @PathParam("name") String name,
      @Valid @NotNull CheckRequest request,
      @Context SecurityContext caller) {
    CheckRequest.GateRequest gate = request.gate();
    return checks
        .check(
            name,
            request.ref(),
            gate == null ? null : selectors("gate.failOn", gate.failOn()),
            gate == null ? null : selectors("gate.warnOn", gate.warnOn()),
            Callers.name(caller))
        .map(EnvironmentCheckResource::created);
  }

  @POST
  @Path("upload")
  @RolesAllowed(Role.CHECKER_NAME)
  @Consumes({"application/gzip", "application/x-gzip"})
  @APIResponseSchema(
      value = CheckReport.class,
      responseCode = "201",
      responseDescription = "The check, stored; Location names it")
  @Operation(
      summary = "Check an environment's database against an uploaded Prisma folder",
      description =
          "As a check at a ref, against the project in the body: a .tar.gz of the Prisma folder"
              + " (`tar czf - -C prisma .`, or of a folder holding prisma.config.ts), at most"
              + " DRIFTWATCH_SOURCE_MAX_UPLOAD_BYTES. The archive is read as hostile input: files"
              + " and folders only (a link refuses it), names below its root, each file and the"
              + " whole bounded like a source; it is deleted when the check ends. `label` names"
              + " the upload in the check (its `ref`). 400 for an archive refused, with the"
              + " reason.")
  public Uni<RestResponse<CheckReport>> checkUpload(
      @PathParam("name") String name,
      @QueryParam("label") @DefaultValue("upload") @Size(min = 1, max = 255) String label,
      @QueryParam("failOn") List<@Size(max = 64) String> failOn,
      @QueryParam("warnOn") List<@Size(max = 64) String> warnOn,
      @NotNull byte[] archive,
      @Context SecurityContext caller) {
    return checks
        .checkUpload(
            name,
            label,
            archive,
            failOn == null || failOn.isEmpty() ? null : selectors("failOn", failOn),
            warnOn == null || warnOn.isEmpty() ? null : selectors("warnOn", warnOn),
            Callers.name(caller))
        .map(EnvironmentCheckResource::created);
  }

  @GET
  @Operation(summary = "Page through an environment's checks, newest first")
  public Uni<CheckService.Page> list(
      @PathParam("name") String name,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return checks.page(name, page, size);
  }

  private static RestResponse<CheckReport> created(CheckReport report) {
    return RestResponse.ResponseBuilder.<CheckReport>created(
            URI.create("/api/v1/checks/" + report.id()))
        .entity(report)
        .build();
  }

  /** A list of the call's policy; null when it brings none. */
  private static List<FindingSelector> selectors(String key, List<String> selectors) {
    if (selectors == null) {
      return null;
    }
    try {
      return selectors.stream().map(String::strip).map(FindingSelector::parse).toList();
    } catch (IllegalArgumentException e) {
      throw new InvalidCheckException(key + ": " + e.getMessage());
    }
  }
}
