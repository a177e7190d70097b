package io.driftwatch.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.driftwatch.api.Environments;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.RestartableStore;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service's own database restarts under it: meanwhile every request is a clean 503 and
 * readiness is DOWN; once the database is back, both pools (Hibernate Reactive's, and the JDBC one
 * Quartz uses) reconnect by themselves, with no restart of the service.
 */
@QuarkusTest
@WithTestResource(RestartableStore.class)
class StoreRestartTest {

  private static final String INIT = "20241210000000_init";
  private static final String INIT_SQL = "CREATE TABLE \"customers\" (\"id\" TEXT NOT NULL);\n";

  /** A request to a service whose database is down must still be answered, and soon. */
  private static final int REQUEST_TIMEOUT_MS = 10_000;

  private TargetDatabase target;
  private PrismaFolder folder;

  @BeforeEach
  void createTarget() {
    target = TargetDatabase.create().managedByPrisma().deploy(INIT, INIT_SQL);
    folder = PrismaFolder.create().migration(INIT, INIT_SQL);
  }

  @AfterEach
  void cleanUp() {
    RestartableStore.server()
        .start(); // whatever the test left, the application stops against a running store
    target.close();
    folder.close();
  }

  @Test
  void the_service_answers_503_while_its_database_is_down_and_recovers_when_it_is_back() {
    String environment = Environments.register(target, folder);
    assertThat(Environments.audit(environment).getString("outcome"))
        .as("before the restart")
        .isEqualTo("CLEAN");
    // An issued token is looked up in the store on every request (the bootstrap admin token is
    // not).
    String viewer =
        request()
            .contentType("application/json")
            .body("{\"name\": \"viewer-during-outage\", \"role\": \"viewer\"}")
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getString("token");
    request()
        .auth()
        .oauth2(viewer)
        .get("/api/v1/environments/" + environment)
        .then()
        .statusCode(200);

    RestartableStore.server().stop();

    Response ready =
        await(
            "readiness DOWN",
            () -> request().get("/q/health/ready"),
            r -> r.statusCode() == 503,
            15);
    ready.then().body("status", equalTo("DOWN"));
    for (Supplier<Response> call :
        List.<Supplier<Response>>of(
            () -> request().get("/api/v1/environments/" + environment),
            () -> request().get("/api/v1/environments"),
            () -> request().auth().oauth2(viewer).get("/api/v1/environments"),
            () -> request().post("/api/v1/environments/" + environment + "/audits"),
            () ->
                request()
                    .contentType("application/json")
                    .body(
                        """
            {"name": "another", "tier": "staging", "databaseUrl": "%s", "source": {"type": "path", "path": "%s"}}
            """
                            .formatted(target.prismaUrl(), folder.path()))
                    .post("/api/v1/environments"))) {
      Response response = call.get();
      response
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", equalTo("5"))
          .body(
              "status", equalTo(503), "type", equalTo("urn:driftwatch:problem:store-unavailable"));
      assertThat(response.asString())
          .as("no stack trace, no driver detail")
          .doesNotContain("Exception", "\tat ", String.valueOf(RestartableStore.server().port()));
    }

    RestartableStore.server().start();
    long restarted = System.currentTimeMillis();

    await("readiness UP", () -> request().get("/q/health/ready"), r -> r.statusCode() == 200, 30)
        .then()
        .body("status", equalTo("UP"));
    request()
        .get("/api/v1/environments/" + environment)
        .then()
        .statusCode(200)
        .body("name", equalTo(environment));
    request()
        .auth()
        .oauth2(viewer)
        .get("/api/v1/environments/" + environment)
        .then()
        .statusCode(200);
    assertThat(Environments.audit(environment).getString("outcome"))
        .as("after the restart")
        .isEqualTo("CLEAN");
    request()
        .get("/api/v1/environments/" + environment + "/audits")
        .then()
        .statusCode(200)
        .body("total", equalTo(2));
    // Registering schedules the environment in Quartz's JDBC store: the JDBC pool is back too.
    String another = Environments.register(target, folder);
    request()
        .get("/api/v1/environments/" + another)
        .then()
        .statusCode(200)
        .body("schedule.paused", equalTo(false));
    awaitSchedulerFiringAfter(restarted);
  }

  /**
   * Quartz's own thread recovers too: a trigger (alert delivery, every second in tests) fires after
   * the restart.
   */
  private static void awaitSchedulerFiringAfter(long restarted) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String last = "never";
    while (System.nanoTime() < deadline) {
      try (Connection store = RestartableStore.server().server().connect("postgres");
          Statement statement = store.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT prev_fire_time, trigger_state FROM qrtz_triggers WHERE trigger_name = 'alert-delivery'")) {
        if (rows.next()) {
          last =
              "last fired at "
                  + rows.getLong(1)
                  + " (restart at "
                  + restarted
                  + "), state "
                  + rows.getString(2);
          if (rows.getLong(1) > restarted) {
            return;
          }
        }
        Thread.sleep(200);
      } catch (SQLException e) {
        last = e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("Quartz fired no trigger within 30 s of the store's restart: " + last);
  }

  /**
   * Every request of this test answers within a bound, or fails it: a service that hangs is a
   * failure.
   */
  private static RequestSpecification request() {
    return given()
        .config(
            RestAssuredConfig.config()
                .httpClient(
                    HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", REQUEST_TIMEOUT_MS)
                        .setParam("http.socket.timeout", REQUEST_TIMEOUT_MS)));
  }

  private static Response await(
      String what, Supplier<Response> call, Predicate<Response> done, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<String> seen = new ArrayList<>();
    while (true) {
      Response response = call.get();
      if (done.test(response)) {
        return response;
      }
      seen.add(response.statusCode() + " " + response.asString());
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            what
                + " not reached within "
                + seconds
                + " s; last answers: "
                + seen.subList(Math.max(0, seen.size() - 3), seen.size()));
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
