package io.driftwatch.board;

import io.driftwatch.access.Role;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Signing in through the identity provider, when its board tenant is enabled: the OIDC code flow
 * authenticates this one path ({@code quarkus.oidc.board.*}), then the board opens its own session
 * for the user, with the most a role of their groups grants, and sends them where they were going.
 */
@Path("/sign-in/sso")
public class SsoSignInPage {

  private final BoardSessions sessions;
  private final SecurityIdentity identity;

  public SsoSignInPage(BoardSessions sessions, SecurityIdentity identity) {
    this.sessions = sessions;
    this.identity = identity;
  }

  @GET
  @Authenticated
  @Operation(hidden = true)
  public Response signIn(@QueryParam("next") String next, @Context HttpServerRequest request) {
    Role role = null;
    for (Role candidate : Role.values()) {
      if (identity.hasRole(candidate.label())) {
        role = candidate;
      }
    }
    if (role == null) {
      return Pages.page(
          403,
          BoardTemplates.message(
              "Not allowed",
              "Your identity provider signed you in, but none of your groups names a driftwatch role"
                  + " (viewer, checker, operator, admin)."),
          null);
    }
    String sealed =
        sessions.open(BoardSessions.SSO, "oidc:" + identity.getPrincipal().getName(), role, null);
    return Response.seeOther(URI.create(SignInPage.local(next)))
        .cookie(SignInPage.cookie(sealed, (int) sessions.ttl().toSeconds(), request))
        .build();
  }
}
