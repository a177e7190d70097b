package io.driftwatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.audit.report.CheckReport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A check asked of a driftwatch service: {@code POST /api/v1/environments/{name}/checks}. A request
 * the service refuses (bad ref, unknown environment, a token without the right) is bad usage; a
 * service that does not answer, or answers with an error of its own, could not be read.
 */
final class RemoteCheck {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final ObjectMapper json;

  RemoteCheck(ObjectMapper json) {
    this.json = json;
  }

  /**
   * @param failOn the policy's fail selectors; empty for the service's own
   * @param warnOn the policy's warn selectors; empty for the service's own
   * @param token a driftwatch token, or null
   */
  CheckReport check(
      URI server,
      String environment,
      String ref,
      List<String> failOn,
      List<String> warnOn,
      String token,
      Duration timeout)
      throws CommandFailure {
    ObjectNode body = json.createObjectNode().put("ref", ref);
    if (!failOn.isEmpty() || !warnOn.isEmpty()) {
      ObjectNode gate = body.putObject("gate");
      if (!failOn.isEmpty()) {
        failOn.forEach(gate.putArray("failOn")::add);
      }
      if (!warnOn.isEmpty()) {
        warnOn.forEach(gate.putArray("warnOn")::add);
      }
    }
    return send(
        server,
        checks(server, environment),
        "application/json",
        HttpRequest.BodyPublishers.ofString(body.toString()),
        token,
        timeout);
  }

  /** The same against a Prisma folder uploaded as a {@code .tar.gz}, named {@code label}. */
  CheckReport upload(
      URI server,
      String environment,
      String label,
      byte[] archive,
      List<String> failOn,
      List<String> warnOn,
      String token,
      Duration timeout)
      throws CommandFailure {
    StringBuilder query = new StringBuilder("?label=").append(encode(label));
    failOn.forEach(selector -> query.append("&failOn=").append(encode(selector)));
    warnOn.forEach(selector -> query.append("&warnOn=").append(encode(selector)));
    return send(
        server,
        checks(server, environment) + "/upload" + query,
        "application/gzip",
        HttpRequest.BodyPublishers.ofByteArray(archive),
        token,
        timeout);
  }

  private static String checks(URI server, String environment) {
    return base(server) + "/api/v1/environments/" + encode(environment) + "/checks";
  }

  private static String base(URI server) {
    return server.toString().replaceAll("/+$", "");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private CheckReport send(
      URI server,
      String uri,
      String contentType,
      HttpRequest.BodyPublisher body,
      String token,
      Duration timeout)
      throws CommandFailure {
    String base = base(server);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(uri))
            .timeout(timeout)
            .header("Content-Type", contentType)
            .header("Accept", "application/json")
            .POST(body);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new CommandFailure(
          ExitCode.UNREADABLE, base + " did not answer within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      throw new CommandFailure(ExitCode.UNREADABLE, "cannot reach " + base + ": " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailure(ExitCode.UNREADABLE, "interrupted while waiting for " + base);
    }
    int status = response.statusCode();
    if (status == 200 || status == 201) {
      try {
        return json.readValue(response.body(), CheckReport.class);
      } catch (JsonProcessingException e) {
        throw new CommandFailure(
            ExitCode.UNREADABLE, base + " answered with a check this command cannot read");
      }
    }
    String detail = problem(response.body());
    throw new CommandFailure(
        status >= 400 && status < 500 ? ExitCode.USAGE : ExitCode.UNREADABLE,
        base + " answered " + status + (detail == null ? "" : ": " + detail));
  }

  /** The problem document's detail (else title); null when the body is none. */
  private String problem(String body) {
    try {
      JsonNode problem = json.readTree(body);
      JsonNode detail = problem.hasNonNull("detail") ? problem.get("detail") : problem.get("title");
      return detail == null ? null : detail.asText();
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
