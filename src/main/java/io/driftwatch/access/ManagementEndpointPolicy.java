package io.driftwatch.access;

import io.driftwatch.config.DriftwatchConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Guards what Quarkus serves under /q (metrics, the OpenAPI document, and whatever an extension may
 * add there): a viewer token, unless the endpoint is listed in DRIFTWATCH_PUBLIC_ENDPOINTS. The
 * metrics name every environment and the contract maps the API, both worth hiding from a stranger.
 * /q/health is always open (application.properties permits it), so probes need no token.
 */
@Startup
@ApplicationScoped
public class ManagementEndpointPolicy implements HttpSecurityPolicy {

  /** The policy name application.properties gives {@code /q/*}. */
  static final String NAME = "management-endpoints";

  /** Each endpoint that may be made public, and the paths it is served at. */
  private static final Map<String, List<String>> ENDPOINTS =
      Map.of(
          "metrics", List.of("/q/metrics"),
          "openapi", List.of("/q/openapi", "/q/openapi.json", "/q/openapi.yaml", "/q/openapi.yml"));

  private final Set<String> publicPaths;

  public ManagementEndpointPolicy(DriftwatchConfig config) {
    this.publicPaths = publicPaths(config.publicEndpoints().orElse(List.of()));
  }

  /**
   * @throws IllegalArgumentException naming the unknown entry, so a typo stops the start-up
   */
  static Set<String> publicPaths(List<String> endpoints) {
    return endpoints.stream()
        .map(name -> name.strip().toLowerCase(Locale.ROOT))
        .filter(name -> !name.isEmpty())
        .flatMap(
            name -> {
              List<String> paths = ENDPOINTS.get(name);
              if (paths == null) {
                throw new IllegalArgumentException(
                    "DRIFTWATCH_PUBLIC_ENDPOINTS: `"
                        + name
                        + "` is not an endpoint that "
                        + "can be public; use metrics and/or openapi, comma-separated, or leave it empty");
              }
              return paths.stream();
            })
        .collect(Collectors.toUnmodifiableSet());
  }

  static boolean isPublic(Set<String> publicPaths, String path) {
    String trimmed =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return publicPaths.contains(trimmed);
  }

  @Override
  public Uni<CheckResult> checkPermission(
      RoutingContext request, Uni<SecurityIdentity> identity, AuthorizationRequestContext context) {
    if (isPublic(publicPaths, request.normalizedPath())) {
      return CheckResult.permit();
    }
    // An anonymous caller is denied with a 401 challenge, a token without the role with 403.
    return identity.map(
        caller -> caller.hasRole(Role.VIEWER_NAME) ? CheckResult.PERMIT : CheckResult.DENY);
  }

  @Override
  public String name() {
    return NAME;
  }
}
