package io.driftwatch.support;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem documents for answers given before any REST resource is reached (the HTTP security layer
 * in front of /q, the token throttle), shaped like the ones the API's exception mappers write.
 * Here, below both the access and the API packages, so that neither has to import the other for it.
 */
public final class RouteProblems {

  /** RFC 9457's media type. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private static final String TYPE = "urn:driftwatch:problem:";

  private RouteProblems() {}

  /** Ends the response with the problem; headers set on it before are kept. */
  public static Future<Void> send(
      RoutingContext context, int status, String slug, String title, String detail) {
    String body =
        new JsonObject()
            .put("type", TYPE + slug)
            .put("title", title)
            .put("status", status)
            .put("detail", detail)
            .put("instance", context.request().path())
            .encode();
    return context.response().setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(body);
  }
}
