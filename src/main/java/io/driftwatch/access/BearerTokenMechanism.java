package io.driftwatch.access;

import io.driftwatch.support.RouteProblems;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@code Authorization: Bearer <token>}. driftwatch's own tokens ({@code dw_...}) and the
 * bootstrap admin token are checked here; any other bearer token is left to OIDC when OIDC is
 * enabled, and refused otherwise. No header: anonymous, which every /api endpoint refuses with 401.
 * The /api endpoints answer their own 401s; the challenge below answers those of /q.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

  private static final String SCHEME = "Bearer ";
  private static final String CHALLENGE_HEADER = "WWW-Authenticate";
  private static final String CHALLENGE_VALUE = "Bearer realm=\"driftwatch\"";
  private static final ChallengeData CHALLENGE =
      new ChallengeData(401, CHALLENGE_HEADER, CHALLENGE_VALUE);

  private final BootstrapAdminToken bootstrap;
  private final boolean oidcEnabled;

  public BearerTokenMechanism(
      BootstrapAdminToken bootstrap,
      @ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean oidcEnabled) {
    this.bootstrap = bootstrap;
    this.oidcEnabled = oidcEnabled;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identities) {
    String header = context.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Uni.createFrom().optional(Optional.empty());
    }
    String token = header.substring(SCHEME.length()).strip();
    boolean ours = TokenSecret.looksIssued(token) || bootstrap.matches(token);
    if (!ours && oidcEnabled) {
      return Uni.createFrom().optional(Optional.empty());
    }
    return identities.authenticate(new TokenAuthenticationRequest(token));
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(CHALLENGE);
  }

  /**
   * A 401 from the HTTP security layer (in front of /q) is a problem document too, like those of
   * /api.
   */
  @Override
  public Uni<Boolean> sendChallenge(RoutingContext context) {
    String detail =
        context.request().getHeader("Authorization") == null
            ? "send a viewer token: Authorization: Bearer <token> (see POST /api/v1/tokens)"
            : "the bearer token is unknown, revoked or malformed; send a valid viewer token";
    context.response().putHeader(CHALLENGE_HEADER, CHALLENGE_VALUE);
    return Uni.createFrom()
        .completionStage(
            RouteProblems.send(context, 401, "unauthorized", "Unauthorized", detail)
                .toCompletionStage())
        .replaceWith(true);
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(TokenAuthenticationRequest.class);
  }

  /**
   * Before OIDC's bearer mechanism, which would otherwise try to verify driftwatch's tokens as
   * JWTs.
   */
  @Override
  public int getPriority() {
    return DEFAULT_PRIORITY + 1000;
  }
}
