package io.driftwatch.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.driftwatch.testing.DroppableStore;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TestPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The store's database renamed, closed to connections, then dropped under the running service:
 * every request is the documented 503 {@code store-unavailable}, never a 500 with a stack trace;
 * while the database is back under its name, the service serves again.
 */
@QuarkusTest
@WithTestResource(DroppableStore.class)
class StoreGoneTest {

  private static final int REQUEST_TIMEOUT_MS = 15_000;

  @Test
  void a_renamed_closed_or_dropped_store_is_503_store_unavailable() {
    String store = StoreDatabase.current();
    String viewer =
        request()
            .contentType("application/json")
            .body("{\"name\": \"viewer-store-gone\", \"role\": \"viewer\"}")
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getString("token");
    request().get("/api/v1/environments").then().statusCode(200);

    onServer("ALTER DATABASE " + store + " ALLOW_CONNECTIONS false", disconnect(store));
    assertEveryEndpointUnavailable(viewer, "closed to connections");
    onServer("ALTER DATABASE " + store + " ALLOW_CONNECTIONS true");
    awaitServing();

    onServer(disconnect(store), "ALTER DATABASE " + store + " RENAME TO " + store + "_moved");
    assertEveryEndpointUnavailable(viewer, "renamed");
    onServer(disconnect(store + "_moved"), "ALTER DATABASE " + store + "_moved RENAME TO " + store);
    awaitServing();

    onServer("DROP DATABASE " + store + " WITH (FORCE)");
    assertEveryEndpointUnavailable(viewer, "dropped");
  }

  private static void assertEveryEndpointUnavailable(String viewer, String how) {
    for (Supplier<Response> call :
        List.<Supplier<Response>>of(
            () -> request().get("/api/v1/environments"),
            () -> request().get("/api/v1/environments/anything"),
            () -> request().auth().oauth2(viewer).get("/api/v1/environments"),
            () -> request().post("/api/v1/environments/anything/audits"),
            () -> request().get("/api/v1/audits/" + UUID.randomUUID()))) {
      Response response = call.get();
      assertThat(response.statusCode()).as("store %s: %s", how, response.asString()).isEqualTo(503);
      response
          .then()
          .contentType("application/problem+json")
          .body("type", equalTo("urn:driftwatch:problem:store-unavailable"));
      assertThat(response.header("Retry-After")).as("store %s", how).isNotBlank();
      assertThat(response.asString())
          .as("no stack trace, no driver detail")
          .doesNotContain("Exception", "\tat ");
    }
  }

  private static void awaitServing() {
    long deadline = System.nanoTime() + 30_000_000_000L;
    Response last = null;
    while (System.nanoTime() < deadline) {
      last = request().get("/api/v1/environments");
      if (last.statusCode() == 200) {
        return;
      }
      sleep();
    }
    throw new AssertionError(
        "the service did not serve again within 30 s: "
            + last.statusCode()
            + " "
            + last.asString());
  }

  private static String disconnect(String database) {
    return "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
        + database
        + "'";
  }

  private static void onServer(String... statements) {
    try (Connection connection = TestPostgres.server().connect("postgres");
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static RequestSpecification request() {
    return given()
        .config(
            RestAssuredConfig.config()
                .httpClient(
                    HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", REQUEST_TIMEOUT_MS)
                        .setParam("http.socket.timeout", REQUEST_TIMEOUT_MS)));
  }
}
