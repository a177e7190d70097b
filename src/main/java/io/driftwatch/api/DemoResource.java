package io.driftwatch.api;

import io.driftwatch.access.Role;
import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.demo.DemoService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/demo")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Demo", description = "A production incident to look at in one call")
public class DemoResource {

  private final DemoService demo;

  public DemoResource(DemoService demo) {
    this.demo = demo;
  }

  @POST
  @APIResponseSchema(
      value = AuditReport.class,
      responseCode = "201",
      responseDescription = "The demo's first audit; Location names it")
  @Operation(
      summary = "Create (or start over) the demo environment and audit it",
      description =
          "Creates database driftwatch_demo on the service's own PostgreSQL with a phantom, a pending and "
              + "a failed migration, registers it as environment `demo` and returns its first audit.")
  public Uni<RestResponse<AuditReport>> create(@Context SecurityContext caller) {
    return demo.create(Callers.name(caller)).map(DemoResource::created);
  }

  @POST
  @Path("/mysql")
  @APIResponseSchema(
      value = AuditReport.class,
      responseCode = "201",
      responseDescription = "The MySQL demo's first audit; Location names it")
  @Operation(
      summary = "Create (or start over) the MySQL/MariaDB demo environment and audit it",
      description =
          "Creates database driftwatch_demo on the MySQL or MariaDB server DRIFTWATCH_DEMO_MYSQL_URL"
              + " names, with the same phantom, pending and failed migrations written for MySQL (the"
              + " failed one half applied, as MySQL leaves one), registers it as environment"
              + " `demo-mysql` and returns its first audit. 409 when no such server is set.")
  public Uni<RestResponse<AuditReport>> createMySql(@Context SecurityContext caller) {
    return demo.createMySql(Callers.name(caller)).map(DemoResource::created);
  }

  /** 201 with the audit, Location naming it. */
  private static RestResponse<AuditReport> created(AuditReport report) {
    return RestResponse.ResponseBuilder.<AuditReport>created(
            URI.create("/api/v1/audits/" + report.id()))
        .entity(report)
        .build();
  }
}
