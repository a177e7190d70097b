package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Environments are audited on their own schedule, which can be paused. */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class ScheduleTest {

  private TargetDatabase target;
  private PrismaFolder folder;

  @BeforeEach
  void create() {
    target = TargetDatabase.create().managedByPrisma();
    folder = PrismaFolder.create().migration("20240101000000_init", "SELECT 1;\n");
  }

  @AfterEach
  void cleanUp() {
    target.close();
    folder.close();
  }

  private Map<String, Object> body(String name, Map<String, Object> schedule) {
    Map<String, Object> body =
        new HashMap<>(
            Map.of(
                "name",
                name,
                "tier",
                "staging",
                "databaseUrl",
                target.prismaUrl(),
                "source",
                Map.of("type", "path", "path", folder.path())));
    if (schedule != null) {
      body.put("schedule", schedule);
    }
    return body;
  }

  private static long audits(String environment) {
    return given()
        .get("/api/v1/environments/" + environment + "/audits")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("total");
  }

  @Test
  void default_schedule_comes_from_configuration() {
    String name = "sched-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(body(name, null))
        .post("/api/v1/environments")
        .then()
        .statusCode(201)
        .body(
            "schedule.cron",
            equalTo(
                ConfigProvider.getConfig()
                    .getValue("driftwatch.schedule.default-cron", String.class)))
        .body("schedule.paused", equalTo(false));
  }

  @Test
  void the_default_outside_tests_is_every_fifteen_minutes() throws Exception {
    Method method = DriftwatchConfig.Schedule.class.getMethod("defaultCron");
    assertThat(method.getAnnotation(WithDefault.class).value()).isEqualTo("0 */15 * * * ?");
  }

  @Test
  void invalid_cron_is_400_explaining_the_syntax() {
    given()
        .contentType(ContentType.JSON)
        .body(
            body(
                "sched-" + UUID.randomUUID().toString().substring(0, 8),
                Map.of("cron", "*/15 * * * *")))
        .post("/api/v1/environments")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("is not a Quartz cron expression"))
        .body("detail", containsString("seconds minutes hours"));
  }

  @Test
  void a_schedule_audits_on_its_own_and_pausing_stops_it() throws Exception {
    String name = "sched-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(body(name, Map.of("cron", "* * * * * ?")))
        .post("/api/v1/environments")
        .then()
        .statusCode(201);
    long deadline = System.currentTimeMillis() + 20_000;
    while (audits(name) < 2 && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
    }
    assertThat(audits(name)).as("audits run by the schedule within 20 s").isGreaterThanOrEqualTo(2);

    given()
        .contentType(ContentType.JSON)
        .body(body(name, Map.of("cron", "* * * * * ?", "paused", true)))
        .put("/api/v1/environments/" + name)
        .then()
        .statusCode(200)
        .body("schedule.paused", equalTo(true));
    Thread.sleep(1500);
    long paused = audits(name);
    Thread.sleep(3000);
    assertThat(audits(name)).as("no scheduled audit while paused").isEqualTo(paused);
    given().delete("/api/v1/environments/" + name).then().statusCode(204);
  }
}
