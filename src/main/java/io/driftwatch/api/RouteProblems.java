package io.driftwatch.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem documents for answers given before any REST resource is reached (the HTTP security layer
 * in front of /q, the token throttle), shaped like the ones {@link ProblemMappers} writes.
 */
public final class RouteProblems {

  private static final String TYPE = "urn:driftwatch:problem:";

  private RouteProblems() {}

  /** Ends the response with the problem; headers set on it before are kept. */
  public static Future<Void> send(RoutingContext context, int status, String slug, String title, String detail) {
    String body = new JsonObject()
        .put("type", TYPE + slug)
        .put("title", title)
        .put("status", status)
        .put("detail", detail)
        .put("instance", context.request().path())
        .encode();
    return context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
  }
}
