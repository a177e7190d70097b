package io.driftwatch.api;

import io.driftwatch.access.TokenScope;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Holds a token limited to named environments to them: it reaches the routes of an environment it
 * names (the {@code {name}} of {@code /api/v1/environments/{name}/…}) and the checks by id (which
 * answer 404 for a check of another environment); every other route is a 403, whatever its role
 * allows there. Runs after matching, so the route's own name is what is compared.
 */
public class TokenScopeFilter {

  private final SecurityIdentity identity;

  public TokenScopeFilter(SecurityIdentity identity) {
    this.identity = identity;
  }

  @ServerRequestFilter
  public Optional<Response> scope(ContainerRequestContext request, SimpleResourceInfo resource) {
    Optional<Set<String>> scope = TokenScope.of(identity);
    if (scope.isEmpty()) {
      return Optional.empty();
    }
    if (resource != null && resource.getResourceClass() == CheckResource.class) {
      return Optional.empty();
    }
    String environment = request.getUriInfo().getPathParameters().getFirst("name");
    if (environment != null && scope.get().contains(environment)) {
      return Optional.empty();
    }
    return Optional.of(
        ProblemMappers.outOfScope(
            "this token is limited to the environments "
                + new TreeSet<>(scope.get())
                + ": it reaches their routes and their checks only",
            request.getUriInfo()));
  }
}
