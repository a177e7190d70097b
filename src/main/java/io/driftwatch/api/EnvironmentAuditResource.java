package io.driftwatch.api;

import io.driftwatch.access.Role;
import io.driftwatch.audit.AuditService;
import io.driftwatch.audit.PlanMarkdown;
import io.driftwatch.audit.ReportSectionMissingException;
import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.AuditSummary;
import io.driftwatch.audit.report.CoverageView;
import io.driftwatch.audit.report.DriftReport;
import io.driftwatch.audit.report.PlanReport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/environments/{name}")
@RolesAllowed(Role.VIEWER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Audits",
    description = "What each environment has really applied, compared with its migrations")
public class EnvironmentAuditResource {

  private final AuditService audits;

  public EnvironmentAuditResource(AuditService audits) {
    this.audits = audits;
  }

  @POST
  @RolesAllowed(Role.OPERATOR_NAME)
  @Path("audits")
  @APIResponseSchema(
      value = AuditReport.class,
      responseCode = "201",
      responseDescription = "The audit, stored; Location names it")
  @Operation(
      summary = "Audit an environment now",
      description =
          "Returns the stored audit. An unreachable database or unreadable folder gives outcome ERROR, "
              + "not an error response; so does an audit that does not finish within DRIFTWATCH_AUDIT_TIMEOUT (its "
              + "error names the stage it was in). 409 while another audit of the environment runs, with Retry-After the "
              + "seconds its lease has left; 503 while this replica shuts down.")
  public Uni<RestResponse<AuditReport>> run(@PathParam("name") String name) {
    return audits
        .run(name)
        .map(
            report ->
                RestResponse.ResponseBuilder.<AuditReport>created(
                        URI.create("/api/v1/audits/" + report.id()))
                    .entity(report)
                    .build());
  }

  @GET
  @Path("audits")
  @Operation(summary = "Page through an environment's audits, newest first")
  public Uni<AuditService.Page> list(
      @PathParam("name") String name,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return audits.page(name, page, size);
  }

  @GET
  @Path("status")
  @Operation(summary = "The latest audit's summary")
  public Uni<AuditSummary> status(@PathParam("name") String name) {
    return audits.latest(name);
  }

  @GET
  @Path("drift")
  @Operation(
      summary = "Schema drift found by the latest audit",
      description =
          "Every object the database holds differently from what the applied migrations create, with the "
              + "SQL both ways, the catch-up migration (when the database is right) and the restore SQL (when the "
              + "migrations are right).")
  public Uni<DriftReport> drift(@PathParam("name") String name) {
    return audits
        .latestReport(name)
        .map(
            report -> {
              if (report.drift() == null) {
                throw new ReportSectionMissingException(
                    "the latest audit of `"
                        + name
                        + "` did not examine drift"
                        + (report.error() == null
                            ? " (the database has no Prisma history)"
                            : ": " + report.error().message()));
              }
              return report.drift();
            });
  }

  @GET
  @Path("coverage")
  @Operation(
      summary = "Coverage of schema.prisma by the latest audit",
      description =
          "For every model, field, enum value and join table: created by a migration? in the database? "
              + "With the ratio, and the command that closes each gap. status is UNKNOWN, with a reason and no ratio, "
              + "when nothing could be counted: no schema found where the source says, one that cannot be read or "
              + "declares no model, or migrations not replayed.")
  public Uni<CoverageView> coverage(@PathParam("name") String name) {
    return audits
        .latestReport(name)
        .map(
            report -> {
              if (report.coverage() == null) {
                throw new ReportSectionMissingException(
                    "the latest audit of `"
                        + name
                        + "` could not read the source or the "
                        + "database (see its error)");
              }
              return report.coverage();
            });
  }

  @GET
  @Path("plan")
  @Operation(
      summary = "The resolution plan written from the latest audit",
      description =
          "A runbook for an incident: the state of every migration, the safety of each pending one "
              + "(lint, pre-flight against the live catalog and on a shadow replica, data at risk), the triage of failed "
              + "and phantom migrations, the ordered steps with their command or SQL, why each is safe and its risk, "
              + "the queries to verify the deploy, and the rollback SQL. JSON, or Markdown with `Accept: text/markdown`.")
  @APIResponse(
      responseCode = "200",
      description = "The plan, as JSON or as a Markdown runbook",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlanReport.class)),
        @Content(mediaType = PlanMarkdown.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
      })
  public Uni<PlanReport> plan(@PathParam("name") String name) {
    return latestPlan(name);
  }

  @GET
  @Path("plan")
  @Produces(PlanMarkdown.MEDIA_TYPE)
  @Operation(hidden = true)
  public Uni<String> planMarkdown(@PathParam("name") String name) {
    return audits
        .latestReport(name)
        .map(report -> PlanMarkdown.render(name, report.finishedAt(), plan(name, report)));
  }

  private Uni<PlanReport> latestPlan(String name) {
    return audits.latestReport(name).map(report -> plan(name, report));
  }

  private static PlanReport plan(String name, AuditReport report) {
    if (report.plan() == null) {
      throw new ReportSectionMissingException(
          "the latest audit of `"
              + name
              + "` wrote no plan"
              + (report.error() == null ? "" : ": " + report.error().message()));
    }
    return report.plan();
  }
}
