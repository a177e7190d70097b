package io.driftwatch.board;

import io.driftwatch.access.FailedTokenThrottle;
import io.driftwatch.access.TokenIdentityProvider;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Signing in to the board with a driftwatch token, and out. The token is checked as the API checks
 * it ({@link TokenIdentityProvider#presenterOf}; wrong ones count against the client like wrong
 * bearer tokens), then forgotten: the browser keeps a sealed session cookie (HttpOnly,
 * SameSite=Strict, Secure over TLS) that names the token by its id. The page never holds the token
 * after the form is sent, nor does any URL or log.
 */
@PermitAll // who may see what is decided in the page: a stranger is sent to sign in, not given a
// 401
@Path("/sign-in")
public class SignInPage {

  private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\r\\n]*");

  private final TokenIdentityProvider presenters;
  private final BoardSessions sessions;
  private final FailedTokenThrottle throttle;
  private final boolean sso;

  public SignInPage(
      TokenIdentityProvider presenters,
      BoardSessions sessions,
      FailedTokenThrottle throttle,
      @ConfigProperty(name = "quarkus.oidc.board.tenant-enabled", defaultValue = "false")
          boolean sso) {
    this.presenters = presenters;
    this.sessions = sessions;
    this.throttle = throttle;
    this.sso = sso;
  }

  @GET
  @Produces(Pages.HTML)
  @Operation(hidden = true)
  public Response form(@QueryParam("next") String next) {
    return Pages.page(200, BoardTemplates.signIn(local(next), null, sso), null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(Pages.HTML)
  @Operation(hidden = true)
  public Uni<Response> signIn(
      @FormParam("token") String token,
      @FormParam("next") String next,
      @Context HttpServerRequest request) {
    String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
    String target = local(next);
    Optional<Duration> wait = throttle.refusal(client);
    if (wait.isPresent()) {
      return Uni.createFrom()
          .item(
              Pages.page(
                  429,
                  BoardTemplates.signIn(
                      target,
                      "Too many wrong tokens from this address: try again in "
                          + Math.max(1, wait.get().toSeconds())
                          + " s.",
                      sso),
                  null));
    }
    String presented = token == null ? "" : token.strip();
    Uni<Optional<Response>> session =
        presenters
            .presenterOf(presented)
            .map(
                presenter ->
                    presenter.map(
                        p ->
                            signedIn(
                                target,
                                sessions.open(
                                    p.tokenId(), p.principal(), p.role(), p.environments()),
                                request)));
    return session.map(
        answer ->
            answer.orElseGet(
                () -> {
                  throttle.failed(client);
                  return Pages.page(
                      401,
                      BoardTemplates.signIn(
                          target, "That token is unknown, revoked or mistyped.", sso),
                      null);
                }));
  }

  private Response signedIn(String target, String sealed, HttpServerRequest request) {
    return Response.seeOther(URI.create(target))
        .cookie(cookie(sealed, (int) sessions.ttl().toSeconds(), request))
        .build();
  }

  static NewCookie cookie(String value, int maxAge, HttpServerRequest request) {
    return new NewCookie.Builder(BoardSessions.COOKIE)
        .value(value)
        .path("/")
        .httpOnly(true)
        .secure(request.isSSL() || "https".equalsIgnoreCase(request.scheme()))
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge(maxAge)
        .build();
  }

  /** Where to go after signing in: a path of this service only, never another site. */
  static String local(String next) {
    return next != null && LOCAL_PATH.matcher(next).matches() ? next : "/";
  }
}
