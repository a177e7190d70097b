package io.driftwatch.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a presented token into an identity: the bootstrap admin token from configuration, or an
 * active issued token (looked up by hash on every request, so a revocation holds at once on every
 * replica). The principal names the token, so the change log can say who.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

  /** The principal of the configured bootstrap token. */
  public static final String BOOTSTRAP_ADMIN = "bootstrap-admin";

  /** Issued tokens' principals read {@code token:<name>}. */
  public static final String TOKEN_PRINCIPAL_PREFIX = "token:";

  private final ApiTokens tokens;
  private final BootstrapAdminToken bootstrap;

  public TokenIdentityProvider(ApiTokens tokens, BootstrapAdminToken bootstrap) {
    this.tokens = tokens;
    this.bootstrap = bootstrap;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    return presenterOf(request.token())
        .map(
            presenter ->
                presenter
                    .map(p -> identity(p.principal(), p.role(), p.environments()))
                    .orElseThrow(
                        () -> new AuthenticationFailedException("unknown or revoked token")));
  }

  /**
   * Who presented this token: the bootstrap admin, or an active issued token's holder; empty for
   * any other (an issued-looking token is looked up, nothing else is).
   */
  public Uni<Optional<Presenter>> presenterOf(String presented) {
    if (bootstrap.matches(presented)) {
      return Uni.createFrom()
          .item(Optional.of(new Presenter(Presenter.BOOTSTRAP, BOOTSTRAP_ADMIN, Role.ADMIN, null)));
    }
    if (!TokenSecret.looksIssued(presented)) {
      return Uni.createFrom().item(Optional.empty());
    }
    return tokens
        .holderOf(presented)
        .map(
            holder ->
                holder.map(
                    h ->
                        new Presenter(
                            h.id().toString(),
                            TOKEN_PRINCIPAL_PREFIX + h.name(),
                            h.role(),
                            h.environments())));
  }

  /**
   * @param environments the environments the identity is limited to; null for every one
   */
  public static SecurityIdentity identity(String principal, Role role, Set<String> environments) {
    Set<String> roles = role.grantedRoleNames();
    QuarkusSecurityIdentity.Builder identity =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal(principal))
            .addRoles(roles);
    if (environments != null) {
      identity.addAttribute(TokenScope.ATTRIBUTE, Set.copyOf(environments));
    }
    return identity.build();
  }
}
