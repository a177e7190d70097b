package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.SocketException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * 10,000 randomized and malformed requests across every endpoint (seeded, so a failure replays): no
 * 5xx, every error a problem document, and the service healthy afterwards.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class FuzzTest {

  static final int REQUESTS = 10_000;
  static final long SEED = Long.getLong("fuzz.seed", 20261121L);

  private static final String[] METHODS = {
    "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"
  };
  private static final String[] STRINGS = {
    "",
    " ",
    "production",
    "staging",
    "Prod",
    "../../etc/passwd",
    "%00",
    "é😀",
    "a".repeat(300),
    "x".repeat(70_000),
    "null",
    "{}",
    "[]",
    "0",
    "-1",
    "1e309",
    "postgresql://u@h/d",
    "postgresql://u:p@127.0.0.1:1/x?schema=",
    "mysql://u@h/d",
    "https://hooks.slack.com/services/x",
    "http://169.254.169.254/latest",
    "* * * * * ?",
    "0 */15 * * * ?",
    "not a cron",
    "/tmp",
    "main",
    "git",
    "path",
    "0000000000000000",
    "warning",
    "CRITICAL",
    "2026-12-01T00:00:00Z",
    "\"quoted\"",
    "\\u0000",
    "<script>"
  };

  /**
   * Refused by the HTTP layer (request too large, URI too long, headers too large) before any
   * route: no body.
   */
  private static final Set<Integer> TRANSPORT_LIMITS = Set.of(413, 414, 431);

  private Random random;

  @Test
  void ten_thousand_hostile_requests_get_no_5xx() throws Exception {
    random = new Random(SEED);
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> serverErrors = new ArrayList<>();
    try (TargetDatabase target = TargetDatabase.create().managedByPrisma();
        PrismaFolder folder =
            PrismaFolder.create().migration("20240101000000_init", "SELECT 1;\n")) {
      target.deploy("20240101000000_init", "SELECT 1;\n");
      String known = Environments.register(target, folder);
      List<String> names =
          List.of(
              known, "missing-env", "", "Bad Name", "a".repeat(100), "..", "%2e%2e", "demo\u0000");
      for (int i = 0; i < REQUESTS; i++) {
        String method = pick(METHODS);
        String path = path(pick(names));
        RequestSpecification request =
            credentials(given().urlEncodingEnabled(random.nextBoolean()));
        if (random.nextInt(4) > 0) {
          request =
              request
                  .header(
                      "Content-Type", random.nextInt(5) == 0 ? "text/plain" : "application/json")
                  .body(body(folder.path(), target.prismaUrl()));
        }
        if (random.nextInt(5) == 0) {
          request = request.queryParam(pick(new String[] {"page", "size", "x"}), pick(STRINGS));
        }
        Response response;
        try {
          response = request.request(method, path);
        } catch (Exception clientSide) {
          if (clientSide instanceof URISyntaxException
              || clientSide instanceof IllegalArgumentException) {
            continue; // REST Assured refuses to build the request (an invalid URI): nothing reached
            // the service
          }
          if (clientSide instanceof SocketException) {
            statuses.merge(
                -1,
                1,
                Integer::sum); // the HTTP layer closed the connection on a request it refused
            continue;
          }
          throw clientSide;
        }
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        if (status >= 500) {
          serverErrors.add(method + " " + path + " -> " + status + " " + response.asString());
        } else if (status >= 400 && !method.equals("HEAD") && !TRANSPORT_LIMITS.contains(status)) {
          assertThat(response.contentType())
              .as("%s %s -> %d", method, path, status)
              .startsWith("application/problem+json");
        }
      }
      System.out.printf(
          "%nFUZZ: %,d requests (seed %d), statuses %s (-1: connection closed by the HTTP layer)%n%n",
          REQUESTS, SEED, statuses);
      assertThat(serverErrors).as("no 5xx").isEmpty();
      given().get("/q/health").then().statusCode(200);
      // The service still works end to end (the fuzzer may well have deleted `known`).
      assertThat(Environments.audit(Environments.register(target, folder)).getString("outcome"))
          .isEqualTo("CLEAN");
    }
  }

  private String path(String name) {
    String base = "/api/v1";
    return switch (random.nextInt(15)) {
      case 0 -> base + "/environments";
      case 1 -> base + "/environments/" + name;
      case 2 -> base + "/environments/" + name + "/audits";
      case 3 -> base + "/environments/" + name + "/status";
      case 4 ->
          base
              + "/audits/"
              + pick(new String[] {"00000000-0000-0000-0000-000000000000", "nope", "1", ""});
      case 5 -> base + "/findings";
      case 6 -> base + "/environments/" + name + "/findings";
      case 7 ->
          base
              + "/environments/"
              + name
              + "/findings/"
              + pick(STRINGS).replace("/", "")
              + "/acknowledgement";
      case 8 -> base + "/environments/" + name + "/alerts/test";
      case 9 -> base + "/nothing/" + name;
      case 10 -> "/api/v2/environments";
      case 11 ->
          base
              + "/tokens"
              + pick(new String[] {"", "/" + name, "/00000000-0000-0000-0000-000000000000"});
      case 12 ->
          base
              + "/changes?limit="
              + pick(STRINGS).replace("&", "")
              + "&before="
              + pick(STRINGS).replace("&", "");
      case 13 -> base + "/secrets/reseal";
      default -> base + "/environments/" + name + "/audits?page=" + pick(STRINGS).replace("&", "");
    };
  }

  private String body(String folder, String url) {
    return switch (random.nextInt(8)) {
      case 0 -> pick(STRINGS);
      case 1 -> "{\"name\": " + value() + "}";
      case 2 ->
          "{\"name\": "
              + value()
              + ", \"tier\": "
              + value()
              + ", \"databaseUrl\": "
              + value()
              + ", \"source\": {\"type\": "
              + value()
              + ", \"path\": "
              + value()
              + "}}";
      case 3 ->
          "{\"name\": \"fuzz-"
              + random.nextInt(50)
              + "\", \"tier\": \"staging\", \"databaseUrl\": \""
              + url
              + "\", \"source\": {\"type\": \"path\", \"path\": \""
              + folder
              + "\"}, \"schedule\": {\"cron\": "
              + value()
              + ", \"paused\": "
              + value()
              + "}, \"alerts\": {\"slackWebhookUrl\": "
              + value()
              + ", \"minSeverity\": "
              + value()
              + "}}";
      case 4 ->
          random.nextBoolean()
              ? "{\"until\": " + value() + ", \"comment\": " + value() + "}"
              : "{\"name\": " + value() + ", \"role\": " + value() + "}";
      case 5 ->
          "{\"name\": \"fuzz-"
              + random.nextInt(50)
              + "\", \"tier\": \"other\", \"databaseUrl\": "
              + value()
              + ", \"source\": {\"type\": \"git\", \"url\": "
              + value()
              + ", \"ref\": "
              + value()
              + ", \"path\": "
              + value()
              + ", \"credentials\": {\"token\": "
              + value()
              + "}}}";
      case 6 -> "{".repeat(random.nextInt(2000) + 1);
      default -> "[" + value() + ", " + value() + "]";
    };
  }

  private String value() {
    return switch (random.nextInt(7)) {
      case 0 -> "null";
      case 1 -> String.valueOf(random.nextInt());
      case 2 -> "true";
      case 3 -> "[]";
      case 4 -> "{\"x\": 1}";
      case 5 -> String.valueOf(random.nextDouble() * 1e300);
      default -> "\"" + pick(STRINGS).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    };
  }

  /**
   * Mostly the admin token (to reach the handlers), sometimes none, a wrong one or a malformed
   * header. The test profile's wrong-token limit is high, so these do not lock the fuzzer out with
   * 429s (which would still have to be problem documents); TokenThrottleTest covers the throttle.
   */
  private RequestSpecification credentials(RequestSpecification request) {
    return switch (random.nextInt(10)) {
      case 0 -> request.auth().none();
      case 1 ->
          request
              .auth()
              .none()
              .header("Authorization", "Bearer " + pick(STRINGS).replaceAll("[\\r\\n\\x00]", ""));
      case 2 ->
          request
              .auth()
              .none()
              .header(
                  "Authorization",
                  pick(
                      new String[] {
                        "Basic Zm9vOmJhcg==",
                        "Bearer",
                        "bearer  dw_x",
                        "Token abc",
                        "Bearer dw_" + "A".repeat(43)
                      }));
      default -> request;
    };
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
