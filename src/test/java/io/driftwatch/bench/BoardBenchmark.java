package io.driftwatch.bench;

import static io.restassured.RestAssured.given;

import io.driftwatch.api.Environments;
import io.driftwatch.testing.AdminTokenByDefault;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prints how long the board's fleet page takes for 1,000 environments, each with a stored audit
 * (one real audit's summary copied), timed from a plain HTTP client with a signed-in session, and
 * the 304 an unchanged page costs (target: under 200 ms). Not part of the test suite: {@code mvn
 * test -Dtest=BoardBenchmark}.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class BoardBenchmark {

  static final int ENVIRONMENTS = 1_000;
  static final int RUNS = 60;

  @TestHTTPResource("/")
  URL board;

  @Test
  void fleet_page_for_a_thousand_environments() throws Exception {
    try (TargetDatabase target =
            TargetDatabase.create().managedByPrisma().deploy("20240101000000_init", "SELECT 1;\n");
        PrismaFolder folder =
            PrismaFolder.create()
                .migration("20240101000000_init", "SELECT 1;\n")
                .migration("20240202000000_next", "CREATE TABLE \"t\" (\"id\" INTEGER);\n")) {
      String first = Environments.register(target, folder);
      Environments.audit(first);
      StoreDatabase.execute(
          "INSERT INTO environment SELECT (jsonb_populate_record(null::environment, to_jsonb(e)"
              + " || jsonb_build_object('id', gen_random_uuid(), 'name', 'fleet-' || g, 'tier',"
              + " (ARRAY['production','staging','development','other'])[1 + g % 4]))).*"
              + " FROM environment e, generate_series(1, "
              + (ENVIRONMENTS - 1)
              + ") g WHERE e.name = '"
              + first
              + "'");
      StoreDatabase.execute(
          "INSERT INTO audit SELECT (jsonb_populate_record(null::audit, to_jsonb(a)"
              + " || jsonb_build_object('id', gen_random_uuid(), 'environment_id', n.id))).*"
              + " FROM audit a JOIN environment e ON e.id = a.environment_id, environment n"
              + " WHERE e.name = '"
              + first
              + "' AND n.name LIKE 'fleet-%'");
      String session =
          given()
              .auth()
              .none()
              .redirects()
              .follow(false)
              .contentType(ContentType.URLENC)
              .formParams(Map.of("token", AdminTokenByDefault.ADMIN_TOKEN, "next", "/"))
              .post("/sign-in")
              .getCookie("dw_session");

      HttpClient client = HttpClient.newHttpClient();
      URI fleet = URI.create(board.toString().replaceAll("/$", "") + "/");
      HttpRequest request =
          HttpRequest.newBuilder(fleet).header("Cookie", "dw_session=" + session).build();
      String etag = null;
      int bytes = 0;
      for (int i = 0; i < 15; i++) {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("fleet-999")) {
          throw new IllegalStateException("the fleet page answered " + response.statusCode());
        }
        etag = response.headers().firstValue("ETag").orElseThrow();
        bytes = response.body().length();
      }
      double[] full = time(client, request, 200);
      double[] unchanged =
          time(
              client,
              HttpRequest.newBuilder(fleet)
                  .header("Cookie", "dw_session=" + session)
                  .header("If-None-Match", etag)
                  .build(),
              304);
      System.out.printf(
          "fleet page, %d environments (%d KB): p50 %.1f ms, p95 %.1f ms, best %.1f ms;"
              + " unchanged (304): p50 %.1f ms (target < 200 ms)%n",
          ENVIRONMENTS,
          bytes / 1024,
          full[RUNS / 2],
          full[RUNS * 95 / 100],
          full[0],
          unchanged[RUNS / 2]);
    }
  }

  private static double[] time(HttpClient client, HttpRequest request, int status)
      throws Exception {
    double[] millis = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      millis[i] = (System.nanoTime() - start) / 1e6;
      if (response.statusCode() != status) {
        throw new IllegalStateException("expected " + status + ", got " + response.statusCode());
      }
    }
    Arrays.sort(millis);
    return millis;
  }
}
