package io.driftwatch.board;

import io.driftwatch.access.ApiTokens;
import io.driftwatch.access.TokenIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Turns a board session into the identity of the token that opened it, while that token is active:
 * the same role and environments as the token, looked up on every request like a bearer token.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationRequest> {

  private final BoardSessions sessions;
  private final ApiTokens tokens;

  public SessionIdentityProvider(BoardSessions sessions, ApiTokens tokens) {
    this.sessions = sessions;
    this.tokens = tokens;
  }

  @Override
  public Class<SessionAuthenticationRequest> getRequestType() {
    return SessionAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      SessionAuthenticationRequest request, AuthenticationRequestContext context) {
    return sessions
        .read(request.sealed())
        .map(
            session -> {
              if (session.tokenId().equals(BoardSessions.BOOTSTRAP)
                  || session.tokenId().equals(BoardSessions.SSO)) {
                return Uni.createFrom()
                    .item(
                        TokenIdentityProvider.identity(
                            session.principal(), session.role(), session.environments()));
              }
              return tokens
                  .isActive(UUID.fromString(session.tokenId()))
                  .map(
                      active -> {
                        if (!active) {
                          throw new AuthenticationFailedException("the session's token is revoked");
                        }
                        return TokenIdentityProvider.identity(
                            session.principal(), session.role(), session.environments());
                      });
            })
        .orElseGet(
            () ->
                Uni.createFrom()
                    .failure(new AuthenticationFailedException("no session, or an expired one")));
  }
}
