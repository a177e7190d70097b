package io.driftwatch.api;

import io.driftwatch.access.Role;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.environment.AlertSettings;
import io.driftwatch.environment.EnvironmentDraft;
import io.driftwatch.environment.EnvironmentService;
import io.driftwatch.environment.GateSetting;
import io.driftwatch.environment.InvalidEnvironmentException;
import io.driftwatch.environment.Schedule;
import io.driftwatch.environment.Tier;
import io.driftwatch.source.PathSourceSpec;
import io.driftwatch.source.SourceSpec;
import io.driftwatch.source.git.GitCredentials;
import io.driftwatch.source.git.GitSourceSpec;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/environments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Environments",
    description = "Databases driftwatch watches, with the source of their migrations")
public class EnvironmentResource {

  private final EnvironmentService environments;

  public EnvironmentResource(EnvironmentService environments) {
    this.environments = environments;
  }

  @POST
  @RolesAllowed(Role.ADMIN_NAME)
  @APIResponseSchema(
      value = EnvironmentView.class,
      responseCode = "201",
      responseDescription = "Registered; Location names the environment")
  @Operation(summary = "Register an environment")
  public Uni<RestResponse<EnvironmentView>> create(
      @NotNull @Valid EnvironmentRequest request, @Context SecurityContext caller) {
    return environments
        .create(draft(request), Callers.name(caller))
        .map(
            environment ->
                RestResponse.ResponseBuilder.<EnvironmentView>created(
                        URI.create("/api/v1/environments/" + environment.name()))
                    .entity(EnvironmentView.of(environment))
                    .build());
  }

  @GET
  @RolesAllowed(Role.VIEWER_NAME)
  @Operation(summary = "List environments, by name")
  public Uni<List<EnvironmentView>> list() {
    return environments.list().map(list -> list.stream().map(EnvironmentView::of).toList());
  }

  @GET
  @RolesAllowed(Role.VIEWER_NAME)
  @Path("{name}")
  @Operation(summary = "Get one environment")
  public Uni<EnvironmentView> get(@PathParam("name") String name) {
    return environments.get(name).map(EnvironmentView::of);
  }

  @PUT
  @RolesAllowed(Role.ADMIN_NAME)
  @Path("{name}")
  @Operation(
      summary =
          "Replace an environment (omit databaseUrl to keep the stored one; a new name renames it)")
  public Uni<EnvironmentView> update(
      @PathParam("name") String name,
      @NotNull @Valid EnvironmentRequest request,
      @Context SecurityContext caller) {
    return environments.update(name, draft(request), Callers.name(caller)).map(EnvironmentView::of);
  }

  @DELETE
  @RolesAllowed(Role.ADMIN_NAME)
  @Path("{name}")
  @ResponseStatus(204)
  @Operation(summary = "Stop watching an environment and delete its audits")
  public Uni<Void> delete(@PathParam("name") String name, @Context SecurityContext caller) {
    return environments.delete(name, Callers.name(caller));
  }

  private static EnvironmentDraft draft(EnvironmentRequest request) {
    SourceRequest source = request.source();
    SourceRequest.CredentialsRequest secret = source.credentials();
    GitCredentials credentials =
        secret == null
            ? null
            : new GitCredentials(
                secret.username(), secret.token(), secret.sshPrivateKey(), secret.sshKnownHosts());
    SourceSpec spec =
        GitSourceSpec.TYPE.equals(source.type())
            ? new GitSourceSpec(
                source.url(),
                source.ref(),
                source.path(),
                source.migrationsPath(),
                source.schemaPath())
            : new PathSourceSpec(source.path(), source.migrationsPath(), source.schemaPath());
    if (spec instanceof PathSourceSpec && (source.url() != null || source.ref() != null)) {
      throw new InvalidEnvironmentException("source.url and source.ref only apply to git sources");
    }
    EnvironmentRequest.ScheduleRequest schedule = request.schedule();
    return new EnvironmentDraft(
        request.name(),
        Tier.parse(request.tier()),
        request.databaseUrl(),
        spec,
        credentials,
        schedule == null
            ? null
            : Schedule.valid(schedule.cron(), Boolean.TRUE.equals(schedule.paused())),
        alerts(request.alerts()),
        request.ignore(),
        request.shadowDatabaseUrl(),
        request.gate() == null
            ? null
            : new GateSetting(request.gate().failOn(), request.gate().warnOn()));
  }

  private static AlertSettings alerts(EnvironmentRequest.AlertsRequest alerts) {
    if (alerts == null) {
      return null;
    }
    return new AlertSettings(
        alerts.slackWebhookUrl(),
        alerts.webhookUrl(),
        alerts.minSeverity() == null
            ? null
            : Severity.valueOf(alerts.minSeverity().toUpperCase(Locale.ROOT)));
  }
}
