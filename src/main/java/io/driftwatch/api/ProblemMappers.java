package io.driftwatch.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.driftwatch.access.InvalidTokenException;
import io.driftwatch.access.TokenNameTakenException;
import io.driftwatch.access.TokenNotFoundException;
import io.driftwatch.alerts.DeliveryNotFailedException;
import io.driftwatch.alerts.DeliveryNotFoundException;
import io.driftwatch.alerts.NoAlertDestinationException;
import io.driftwatch.alerts.OpenFindingNotFoundException;
import io.driftwatch.audit.AuditNotFoundException;
import io.driftwatch.audit.AuditRunningException;
import io.driftwatch.audit.CheckNotFoundException;
import io.driftwatch.audit.InvalidCheckException;
import io.driftwatch.audit.ReportSectionMissingException;
import io.driftwatch.audit.ShuttingDownException;
import io.driftwatch.demo.DemoUnavailableException;
import io.driftwatch.environment.EnvironmentExistsException;
import io.driftwatch.environment.EnvironmentNotFoundException;
import io.driftwatch.environment.InvalidEnvironmentException;
import io.driftwatch.secrets.NoMasterKeyException;
import io.driftwatch.secrets.SecretException;
import io.driftwatch.store.StoreFailures;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error the API returns is {@code application/problem+json}: one mapper per kind of failure,
 * and a last one that answers 503 while the store cannot be reached, and otherwise logs the
 * unexpected with an incident id and shows no stack trace.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
  private static final String TYPE = "urn:driftwatch:problem:";

  @ServerExceptionMapper
  public Response invalidEnvironment(InvalidEnvironmentException e, UriInfo uri) {
    return problem(400, "invalid-environment", "Invalid environment", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response demoUnavailable(DemoUnavailableException e, UriInfo uri) {
    return problem(409, "demo-unavailable", "Demo unavailable", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response environmentNotFound(EnvironmentNotFoundException e, UriInfo uri) {
    return problem(
        404, "environment-not-found", "Environment not found", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response environmentExists(EnvironmentExistsException e, UriInfo uri) {
    return problem(
        409, "environment-exists", "Environment already exists", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response auditNotFound(AuditNotFoundException e, UriInfo uri) {
    return problem(404, "audit-not-found", "Audit not found", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response checkNotFound(CheckNotFoundException e, UriInfo uri) {
    return problem(404, "check-not-found", "Check not found", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response invalidCheck(InvalidCheckException e, UriInfo uri) {
    return problem(400, "invalid-check", "Invalid check", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response sectionMissing(ReportSectionMissingException e, UriInfo uri) {
    return problem(404, "not-examined", "Not examined", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response auditRunning(AuditRunningException e, UriInfo uri) {
    return Response.fromResponse(
            problem(409, "audit-running", "Audit already running", e.getMessage(), uri, null))
        .header("Retry-After", String.valueOf(AuditRunningException.seconds(e.retryAfter())))
        .build();
  }

  @ServerExceptionMapper
  public Response shuttingDown(ShuttingDownException e, UriInfo uri) {
    return Response.fromResponse(
            problem(503, "shutting-down", "Shutting down", e.getMessage(), uri, null))
        .header("Retry-After", String.valueOf(AuditRunningException.seconds(e.retryAfter())))
        .build();
  }

  @ServerExceptionMapper
  public Response noAlertDestination(NoAlertDestinationException e, UriInfo uri) {
    return problem(409, "no-alert-destination", "No alert destination", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response deliveryNotFound(DeliveryNotFoundException e, UriInfo uri) {
    return problem(
        404, "delivery-not-found", "Alert delivery not found", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response deliveryNotFailed(DeliveryNotFailedException e, UriInfo uri) {
    return problem(
        409, "delivery-not-failed", "Alert delivery not failed", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response openFindingNotFound(OpenFindingNotFoundException e, UriInfo uri) {
    return problem(404, "finding-not-found", "Open finding not found", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
    return unauthorized(
        "send a token: Authorization: Bearer <token> (see POST /api/v1/tokens)", uri);
  }

  @ServerExceptionMapper
  public Response badToken(AuthenticationFailedException e, UriInfo uri) {
    return unauthorized("the bearer token is unknown, revoked or malformed", uri);
  }

  private static Response unauthorized(String detail, UriInfo uri) {
    return Response.fromResponse(problem(401, "unauthorized", "Unauthorized", detail, uri, null))
        .header("WWW-Authenticate", "Bearer realm=\"driftwatch\"")
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return problem(
        403,
        "forbidden",
        "Forbidden",
        "your token's role may not do this; viewers read, checkers run checks and read them, "
            + "operators read and also run audits and checks and acknowledge findings, admins also "
            + "manage environments, channels, tokens and keys",
        uri,
        null);
  }

  /** A token limited to environments, on a route outside them. */
  static Response outOfScope(String detail, UriInfo uri) {
    return problem(403, "out-of-scope", "Outside the token's environments", detail, uri, null);
  }

  @ServerExceptionMapper
  public Response invalidToken(InvalidTokenException e, UriInfo uri) {
    return problem(400, "invalid-token", "Invalid token request", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response tokenNameTaken(TokenNameTakenException e, UriInfo uri) {
    return problem(409, "token-name-taken", "Token name taken", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response tokenNotFound(TokenNotFoundException e, UriInfo uri) {
    return problem(404, "token-not-found", "Token not found", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response noMasterKey(NoMasterKeyException e, UriInfo uri) {
    return problem(503, "no-master-key", "No master key", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response unreadableSecret(SecretException e, UriInfo uri) {
    return problem(409, "secret-unreadable", "Stored secret unreadable", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(field(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    String detail =
        errors.stream()
            .map(error -> error.field() + ": " + error.message())
            .collect(Collectors.joining("; "));
    return problem(400, "invalid-request", "Invalid request", detail, uri, errors);
  }

  @ServerExceptionMapper
  public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
    String field = path(e);
    return problem(
        400,
        "invalid-request",
        "Invalid request",
        "unknown field `"
            + field
            + "`; known fields: "
            + e.getKnownPropertyIds().stream()
                .map(String::valueOf)
                .sorted()
                .collect(Collectors.joining(", ")),
        uri,
        List.of(new Problem.FieldError(field, "unknown field")));
  }

  @ServerExceptionMapper
  public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
    String field = path(e);
    return problem(
        400,
        "invalid-request",
        "Invalid request",
        "`"
            + field
            + "` cannot be "
            + e.getValue()
            + ": expected "
            + e.getTargetType().getSimpleName(),
        uri,
        List.of(new Problem.FieldError(field, "wrong type")));
  }

  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
    String field = path(e);
    String detail =
        field.isEmpty()
            ? "the request body must be a JSON object"
            : "`"
                + field
                + "` has the wrong JSON type (expected "
                + e.getTargetType().getSimpleName()
                + ")";
    return problem(400, "invalid-request", "Invalid request", detail, uri, null);
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonParseException e, UriInfo uri) {
    return problem(
        400,
        "malformed-json",
        "Malformed JSON",
        "the request body is not valid JSON: " + e.getOriginalMessage(),
        uri,
        null);
  }

  @ServerExceptionMapper
  public Response otherJson(JsonProcessingException e, UriInfo uri) {
    return problem(
        400,
        "invalid-request",
        "Invalid request",
        "the request body cannot be read: " + e.getOriginalMessage(),
        uri,
        null);
  }

  /**
   * Quarkus may hand a Jackson failure over wrapped in a 400; answer it as if it came unwrapped.
   */
  private Response json(JsonProcessingException e, UriInfo uri) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return unknownField(unknown, uri);
    }
    if (e instanceof InvalidFormatException format) {
      return invalidFormat(format, uri);
    }
    if (e instanceof MismatchedInputException mismatched) {
      return mismatchedInput(mismatched, uri);
    }
    if (e instanceof JsonParseException parse) {
      return malformedJson(parse, uri);
    }
    return otherJson(e, uri);
  }

  @ServerExceptionMapper
  public Response http(WebApplicationException e, UriInfo uri) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return json(json, uri);
    }
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return unexpected(e, uri);
    }
    Response.StatusType type = e.getResponse().getStatusInfo();
    String detail =
        switch (status) {
          case 404 -> "no resource at " + uri.getPath();
          case 405 -> "this method is not allowed on " + uri.getPath();
          case 406 -> "this resource answers application/json";
          case 415 -> "send the request body as application/json";
          default -> type.getReasonPhrase();
        };
    return problem(status, "http-" + status, type.getReasonPhrase(), detail, uri, null);
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    if (StoreFailures.unreachable(e)) {
      return storeUnavailable(e, uri);
    }
    String incident = UUID.randomUUID().toString();
    LOG.errorf(e, "unexpected failure on %s (incident %s)", uri.getPath(), incident);
    return problem(
        500,
        "internal-error",
        "Internal error",
        "driftwatch failed unexpectedly; the log holds the details under incident " + incident,
        uri,
        null);
  }

  /**
   * The store is down or restarting: a moment to wait, not an incident. The pools reconnect by
   * themselves.
   */
  private Response storeUnavailable(Throwable e, UriInfo uri) {
    LOG.warnf("the store cannot be reached on %s: %s", uri.getPath(), e);
    return Response.fromResponse(
            problem(
                503,
                "store-unavailable",
                "Store unavailable",
                "driftwatch cannot reach its own database at the moment; retry shortly",
                uri,
                null))
        .header("Retry-After", "5")
        .build();
  }

  private static Response problem(
      int status,
      String slug,
      String title,
      String detail,
      UriInfo uri,
      List<Problem.FieldError> errors) {
    return Response.status(status)
        .type(Problem.MEDIA_TYPE)
        .entity(new Problem(TYPE + slug, title, status, detail, uri.getPath(), errors))
        .build();
  }

  /**
   * {@code create.request.source.path} becomes {@code source.path}; query parameters keep their
   * name.
   */
  private static String field(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    String[] parts = path.split("\\.");
    if (parts.length <= 2) {
      return parts[parts.length - 1];
    }
    String rest = path.substring(parts[0].length() + parts[1].length() + 2);
    return rest.isEmpty() ? parts[1] : rest;
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
