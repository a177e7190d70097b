package io.driftwatch.api;

import io.driftwatch.access.FailedTokenThrottle;
import io.driftwatch.support.RouteProblems;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;

/**
 * In front of authentication, on every route: a request that carries a token from a client that
 * sent too many wrong ones is answered 429 (right token or not: that is what stops guessing), and
 * every 401 given to a request with a token counts as a failure of its client. Requests without an
 * Authorization header are neither counted nor refused: they learn nothing. The client is the
 * connection's remote address, or the forwarded one when proxy forwarding is configured ({@code
 * quarkus.http.proxy.*}).
 */
@ApplicationScoped
public class TokenThrottleFilter {

  /** After CORS (preflights carry no token), before authentication. */
  static final int PRIORITY = SecurityHandlerPriorities.AUTHENTICATION + 50;

  private final FailedTokenThrottle throttle;

  public TokenThrottleFilter(FailedTokenThrottle throttle) {
    this.throttle = throttle;
  }

  void register(@Observes Filters filters) {
    filters.register(this::handle, PRIORITY);
  }

  private void handle(RoutingContext context) {
    if (context.request().getHeader("Authorization") == null) {
      context.next();
      return;
    }
    String client = client(context);
    Optional<Duration> wait = throttle.refusal(client);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      context.response().putHeader("Retry-After", String.valueOf(seconds));
      RouteProblems.send(
          context,
          429,
          "too-many-failed-authentications",
          "Too many failed authentications",
          "this address sent too many unknown, revoked or malformed tokens; retry in "
              + seconds
              + " s with a valid token");
      return;
    }
    // Counted when the answer is written: the next request already sees it.
    context.addHeadersEndHandler(
        ignored -> {
          if (context.response().getStatusCode() == 401) {
            throttle.failed(client);
          }
        });
    context.next();
  }

  private static String client(RoutingContext context) {
    SocketAddress remote = context.request().remoteAddress();
    return remote == null || remote.host() == null ? "unknown" : remote.host();
  }
}
