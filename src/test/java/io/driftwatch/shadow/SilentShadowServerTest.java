package io.driftwatch.shadow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.driftwatch.api.Environments;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.SilentListener;
import io.driftwatch.testing.SilentShadowServer;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A shadow server that accepts the connection and never answers (a shadowDatabaseUrl pointing at
 * another service's port) is reported unavailable within the connect timeout, with the reason: the
 * audit answers, the history is still judged, and the service lets go of the connection.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
@WithTestResource(SilentShadowServer.class)
class SilentShadowServerTest {

  /** Far above the bound under test: a hang fails the request instead of hanging the build. */
  private static final RestAssuredConfig HANG_FAILS =
      RestAssured.config()
          .httpClient(
              HttpClientConfig.httpClientConfig()
                  .setParam("http.connection.timeout", 10_000)
                  .setParam("http.socket.timeout", 120_000));

  private static final String REASON =
      " did not answer within "
          + SilentShadowServer.CONNECT_TIMEOUT_SECONDS
          + " s (driftwatch.shadow.connect-timeout)";

  private TargetDatabase target;
  private PrismaFolder folder;

  @BeforeEach
  void create() {
    String init = "CREATE TABLE \"Silent\" (\"id\" SERIAL PRIMARY KEY);\n";
    target = TargetDatabase.create().managedByPrisma().deploy("20240101000000_init", init);
    folder = PrismaFolder.create().migration("20240101000000_init", init);
  }

  @AfterEach
  void cleanUp() {
    folder.close();
    target.close();
  }

  @Test
  void an_environments_own_shadow_server_that_never_answers_leaves_drift_unchecked_and_says_why()
      throws Exception {
    try (SilentListener silent = SilentListener.start()) {
      String environment = "silent-" + UUID.randomUUID().toString().substring(0, 8);
      given()
          .config(HANG_FAILS)
          .contentType(ContentType.JSON)
          .body(
              """
          {"name": "%s", "tier": "production", "databaseUrl": "%s", "source": {"type": "path", "path": "%s"},
           "shadowDatabaseUrl": "postgresql://manager:pw@%s/postgres"}
          """
                  .formatted(environment, target.prismaUrl(), folder.path(), silent.address()))
          .post("/api/v1/environments")
          .then()
          .statusCode(201);

      for (int attempt = 1;
          attempt <= 2;
          attempt++) { // the second audit is not left waiting on the first's call
        JsonPath audit = audit(environment);
        assertThat(audit.getString("outcome")).as("audit %d", attempt).isEqualTo("CLEAN");
        assertThat(audit.getString("drift.status")).isEqualTo("NOT_CHECKED");
        assertThat(audit.getString("findings.find { it.code == 'SD022' }.message"))
            .contains("the shadow server at " + silent.address() + REASON);
      }
      assertThat(silent.accepted()).as("the service did connect").isPositive();
      awaitClosed(silent);
    }
  }

  @Test
  void the_global_shadow_server_that_never_answers_leaves_drift_unchecked_and_says_why() {
    JsonPath audit = audit(Environments.register(target, folder));

    assertThat(audit.getString("drift.status")).isEqualTo("NOT_CHECKED");
    assertThat(audit.getString("findings.find { it.code == 'SD022' }.message"))
        .contains("the shadow server at " + SilentShadowServer.listener().address() + REASON);
  }

  @Test
  void health_answers_while_the_shadow_server_never_does() {
    given()
        .config(HANG_FAILS)
        .get("/q/health")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'shadow-server' }.status", equalTo("UP"))
        .body(
            "checks.find { it.name == 'shadow-server' }.data.separateFromStore",
            equalTo("unknown"));
  }

  private static JsonPath audit(String environment) {
    return given()
        .config(HANG_FAILS)
        .post("/api/v1/environments/" + environment + "/audits")
        .then()
        .statusCode(201)
        .contentType(ContentType.JSON)
        .extract()
        .jsonPath();
  }

  /**
   * The connections the service opened to the silent server are closed by the service, not left
   * open.
   */
  private static void awaitClosed(SilentListener silent) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (silent.stillOpen() > 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(silent.stillOpen()).as("connections to the silent server left open").isZero();
  }
}
