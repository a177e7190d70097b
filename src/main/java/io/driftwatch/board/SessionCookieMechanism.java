package io.driftwatch.board;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads the board's session cookie, for reading only: on GET and HEAD requests (the board's pages,
 * Swagger UI and the API's reads it calls) and on the board's sign-out. Every write of the API
 * still needs a bearer token, so the cookie can never be used to change anything, whatever a
 * third-party page makes the browser send. A request with an Authorization header is the bearer
 * mechanism's. A stale or revoked session is anonymous: the board sends the browser to sign in.
 */
@ApplicationScoped
public class SessionCookieMechanism implements HttpAuthenticationMechanism {

  /** The one write the cookie is for. */
  public static final String SIGN_OUT = "/sign-out";

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identities) {
    if (context.request().getHeader("Authorization") != null) {
      return Uni.createFrom().nullItem();
    }
    HttpMethod method = context.request().method();
    boolean reading = method == HttpMethod.GET || method == HttpMethod.HEAD;
    if (!reading && !(method == HttpMethod.POST && SIGN_OUT.equals(context.normalizedPath()))) {
      return Uni.createFrom().nullItem();
    }
    Cookie cookie = context.request().getCookie(BoardSessions.COOKIE);
    if (cookie == null) {
      return Uni.createFrom().nullItem();
    }
    return identities
        .authenticate(new SessionAuthenticationRequest(cookie.getValue()))
        .onFailure()
        .recoverWithNull();
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().nullItem();
  }

  @Override
  public Uni<Boolean> sendChallenge(RoutingContext context) {
    return Uni.createFrom().item(false);
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(SessionAuthenticationRequest.class);
  }

  /** After the bearer mechanism: a request with a token is its. */
  @Override
  public int getPriority() {
    return DEFAULT_PRIORITY + 500;
  }
}
