package io.driftwatch.api;

import io.driftwatch.support.RouteProblems;
import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}).
 *
 * @param errors one entry per invalid field, when the request failed validation
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = RouteProblems.MEDIA_TYPE;

  /** One invalid field of a request. */
  public record FieldError(String field, String message) {}
}
