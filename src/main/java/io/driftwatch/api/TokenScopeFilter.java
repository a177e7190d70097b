package io.driftwatch.api;

import io.driftwatch.access.TokenScope;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
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

  private final CurrentIdentityAssociation identities;

  public TokenScopeFilter(CurrentIdentityAssociation identities) {
    this.identities = identities;
  }

  /**
   * Reads the identity without blocking (authentication is lazy: on a route that checks no role it
   * may not be resolved yet); a null answer lets the request through.
   */
  @ServerRequestFilter
  public Uni<Response> scope(ContainerRequestContext request, SimpleResourceInfo resource) {
    return identities
        .getDeferredIdentity()
        .map(identity -> refusal(TokenScope.of(identity), request, resource));
  }

  private static Response refusal(
      Optional<Set<String>> scope, ContainerRequestContext request, SimpleResourceInfo resource) {
    if (scope.isEmpty()) {
      return null;
    }
    if (resource != null && resource.getResourceClass() == CheckResource.class) {
      return null;
    }
    String environment = request.getUriInfo().getPathParameters().getFirst("name");
    if (environment != null && scope.get().contains(environment)) {
      return null;
    }
    return ProblemMappers.outOfScope(
        "this token is limited to the environments "
            + new TreeSet<>(scope.get())
            + ": it reaches their routes and their checks only",
        request.getUriInfo());
  }
}
