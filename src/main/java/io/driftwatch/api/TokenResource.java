package io.driftwatch.api;

import io.driftwatch.access.ApiTokens;
import io.driftwatch.access.ApiTokens.ApiToken;
import io.driftwatch.access.Role;
import io.driftwatch.environment.EnvironmentName;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Access", description = "API tokens and the change log (admins only)")
public class TokenResource {

  /**
   * @param name what the token is for, e.g. ci or grafana
   * @param role viewer (read), checker (run checks and read them, for a pipeline), operator (read,
   *     run audits and checks, acknowledge findings) or admin (also manage)
   * @param environments the environments it is limited to; omitted, every one (never for admin)
   */
  public record TokenRequest(
      @NotNull
          @Pattern(
              regexp = "[a-z0-9][a-z0-9._-]{0,63}",
              message = "must be 1-64 of a-z, 0-9, '.', '_', '-'")
          String name,
      @NotNull
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"viewer", "checker", "operator", "admin"})
          @Pattern(
              regexp = "viewer|checker|operator|admin",
              message = "must be viewer, checker, operator or admin")
          String role,
      @Size(min = 1, max = 100)
          @Schema(
              description =
                  "The environments the token is limited to: it reaches only their routes and their"
                      + " checks. Omit for every environment; never for an admin token.",
              examples = "[\"production\"]")
          List<
                  @NotNull
                  @Pattern(regexp = EnvironmentName.PATTERN, message = EnvironmentName.RULE) String>
              environments) {}

  /**
   * @param environments the environments it is limited to; null for every one
   */
  public record TokenView(
      UUID id,
      String name,
      String role,
      List<String> environments,
      Instant createdAt,
      String createdBy,
      Instant revokedAt) {

    static TokenView of(ApiToken token) {
      return new TokenView(
          token.id(),
          token.name(),
          token.role().label(),
          token.environments(),
          token.createdAt(),
          token.createdBy(),
          token.revokedAt());
    }
  }

  /**
   * @param token the secret: shown in this response only; driftwatch keeps its hash
   */
  public record IssuedTokenView(
      UUID id,
      String name,
      String role,
      List<String> environments,
      Instant createdAt,
      String createdBy,
      String token) {}

  private final ApiTokens tokens;

  public TokenResource(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Issue a token",
      description = "The response holds the token; it is never shown again.")
  @APIResponseSchema(
      value = IssuedTokenView.class,
      responseCode = "201",
      responseDescription = "Issued")
  public Uni<RestResponse<IssuedTokenView>> issue(
      @NotNull @Valid TokenRequest request, @Context SecurityContext caller) {
    return tokens
        .issue(
            request.name(),
            Role.parse(request.role()),
            request.environments(),
            Callers.name(caller))
        .map(
            issued -> {
              ApiToken token = issued.token();
              return RestResponse.ResponseBuilder.<IssuedTokenView>created(
                      URI.create("/api/v1/tokens/" + token.id()))
                  .entity(
                      new IssuedTokenView(
                          token.id(),
                          token.name(),
                          token.role().label(),
                          token.environments(),
                          token.createdAt(),
                          token.createdBy(),
                          issued.secret()))
                  .build();
            });
  }

  @GET
  @Operation(
      summary = "List tokens",
      description = "Active and revoked tokens; never their secrets.")
  public Uni<List<TokenView>> list() {
    return tokens.list().map(list -> list.stream().map(TokenView::of).toList());
  }

  @DELETE
  @Path("{id}")
  @Operation(
      summary = "Revoke a token",
      description = "Effective at once, on every replica. Revoking twice is harmless.")
  public Uni<TokenView> revoke(@PathParam("id") UUID id, @Context SecurityContext caller) {
    return tokens.revoke(id, Callers.name(caller)).map(TokenView::of);
  }
}
