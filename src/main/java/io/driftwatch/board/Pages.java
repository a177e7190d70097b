package io.driftwatch.board;

import io.driftwatch.audit.AuditNotFoundException;
import io.driftwatch.environment.EnvironmentNotFoundException;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every board page shares: who may see it (a viewer; anyone else is sent to sign in, or
 * refused), and how it is sent (HTML, private to the browser, with an ETag so an unchanged page
 * costs a 304).
 */
final class Pages {

  static final String HTML = "text/html;charset=UTF-8";

  private Pages() {}

  /**
   * The page for a viewer, once the identity is known (authentication is lazy: it is resolved here
   * without blocking); anyone else is sent to sign in, or refused.
   */
  static Uni<Response> forViewer(
      CurrentIdentityAssociation identities,
      UriInfo uri,
      Function<SecurityIdentity, Uni<Response>> page) {
    return identities
        .getDeferredIdentity()
        .flatMap(
            identity ->
                refusal(identity, uri)
                    .map(refused -> Uni.createFrom().item(refused))
                    .orElseGet(
                        () ->
                            page.apply(identity)
                                .onFailure(Pages::missing)
                                .recoverWithItem(Pages::notFound)));
  }

  /** A page saying what is not there (an environment never audited, an unknown audit), as HTML. */
  static Response notFound(Throwable missing) {
    return page(404, BoardTemplates.message("Not found", missing.getMessage()), null);
  }

  /** Whether a failure is something the page cannot find (answered 404 as a page, not as JSON). */
  static boolean missing(Throwable failure) {
    return failure instanceof AuditNotFoundException
        || failure instanceof EnvironmentNotFoundException;
  }

  /** The answer that stops the request: sign in first, or not allowed; empty for a viewer. */
  static Optional<Response> refusal(SecurityIdentity identity, UriInfo uri) {
    if (identity == null || identity.isAnonymous()) {
      String next = uri.getRequestUri().getRawPath();
      String query = uri.getRequestUri().getRawQuery();
      if (query != null) {
        next = next + "?" + query;
      }
      return Optional.of(
          Response.seeOther(
                  URI.create("/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)))
              .build());
    }
    if (!identity.hasRole("viewer")) {
      return Optional.of(
          page(
              403,
              BoardTemplates.message(
                  "Not allowed",
                  "This sign-in's token ("
                      + identity.getPrincipal().getName()
                      + ") may not read the board: the board needs a viewer, operator or admin"
                      + " token."),
              null));
    }
    return Optional.empty();
  }

  /** A page, or 304 when the browser holds this very page. */
  static Response page(int status, TemplateInstance template, HttpHeaders headers) {
    String html = template.render();
    String etag = "\"" + hash(html) + "\"";
    if (headers != null && etag.equals(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH))) {
      return Response.notModified().tag(etag.substring(1, etag.length() - 1)).build();
    }
    return Response.status(status)
        .type(HTML)
        .header(HttpHeaders.ETAG, etag)
        .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "same-origin")
        .header(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                + " frame-ancestors 'none'; form-action 'self'")
        .entity(html)
        .build();
  }

  private static String hash(String html) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
