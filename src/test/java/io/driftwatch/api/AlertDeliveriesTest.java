package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.driftwatch.testing.AlertScene;
import io.driftwatch.testing.FakeSlack;
import io.driftwatch.testing.FakeSlack.Answer;
import io.driftwatch.testing.StoreDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries given up stay in the outbox, counted, listed (admin, never with their URL) and
 * retried.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class AlertDeliveriesTest {

  private AlertScene scene;
  private FakeSlack slack;

  @BeforeEach
  void create() throws Exception {
    scene = AlertScene.start();
    slack = scene.slack();
  }

  @AfterEach
  void cleanUp() {
    scene.close();
  }

  private String register(Map<String, Object> alerts) {
    String name = "deliveries-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                name,
                "tier",
                "production",
                "databaseUrl",
                scene.target().prismaUrl(),
                "source",
                Map.of("type", "path", "path", scene.folder().path()),
                "alerts",
                alerts))
        .post("/api/v1/environments")
        .then()
        .statusCode(201);
    return name;
  }

  private static JsonPath deliveries(String query) {
    return given()
        .get("/api/v1/alerts/deliveries?" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Waits until the environment has this many deliveries in the state. */
  private static JsonPath awaitDeliveries(String environment, String state, int count)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    JsonPath page = deliveries("state=" + state + "&environment=" + environment);
    while (page.getInt("total") < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      page = deliveries("state=" + state + "&environment=" + environment);
    }
    assertThat(page.getInt("total")).as(state + " deliveries of " + environment).isEqualTo(count);
    return page;
  }

  @Test
  void a_message_refused_as_blocks_and_as_text_is_failed_counted_listed_and_retried()
      throws Exception {
    slack.then(new Answer(400, null, "invalid_blocks"), new Answer(400, null, "invalid_blocks"));
    String webhook = slack.webhookUrl();
    String environment = register(Map.of("slackWebhookUrl", webhook));
    Environments.audit(environment);

    JsonPath failed = awaitDeliveries(environment, "failed", 1);
    assertThat(slack.received())
        .as("the blocks, then the plain-text fallback, once each")
        .hasSize(2);
    assertThat(failed.getString("items[0].channel")).isEqualTo("SLACK");
    assertThat(failed.getString("items[0].kind")).isEqualTo("OPENED");
    assertThat(failed.getString("items[0].state")).isEqualTo("failed");
    assertThat(failed.getString("items[0].environment")).isEqualTo(environment);
    assertThat(failed.getString("items[0].tier")).isEqualTo("production");
    assertThat(failed.getInt("items[0].attempts")).isEqualTo(2);
    assertThat(failed.getString("items[0].lastError")).isEqualTo("400 invalid_blocks");
    assertThat(failed.getString("items[0].failedAt")).isNotNull();
    assertThat(failed.getString("items[0].createdAt")).isNotNull();
    String listing =
        given()
            .get("/api/v1/alerts/deliveries?state=failed")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(listing)
        .as("the destination is a secret")
        .doesNotContain(webhook)
        .doesNotContain("/services/T000")
        .doesNotContain("secret");
    assertThat(deliveries("state=pending&environment=" + environment).getInt("total")).isZero();

    String metrics = given().get("/q/metrics").then().extract().asString();
    assertThat(metrics)
        .containsPattern(
            "driftwatch_alert_deliveries_total\\{[^}]*environment=\""
                + environment
                + "\"[^}]*outcome=\"FALLBACK\"[^}]*\\} 1\\.0");
    assertThat(metrics)
        .containsPattern(
            "driftwatch_alert_deliveries_total\\{[^}]*environment=\""
                + environment
                + "\"[^}]*outcome=\"FAILED\"[^}]*\\} 1\\.0");
    assertThat(metrics)
        .containsPattern("(?m)^driftwatch_alert_deliveries_failed(\\{[^}]*\\})? [1-9]");
    assertThat(metrics).containsPattern("(?m)^driftwatch_alert_deliveries_pending(\\{[^}]*\\})? ");
    assertThat(metrics)
        .containsPattern("(?m)^driftwatch_alert_deliveries_oldest_pending_seconds(\\{[^}]*\\})? ");

    String id = failed.getString("items[0].id");
    given()
        .post("/api/v1/alerts/deliveries/" + id + "/retry")
        .then()
        .statusCode(202)
        .body("state", equalTo("pending"))
        .body("attempts", equalTo(0))
        .body("id", equalTo(id));
    JsonPath delivered = awaitDeliveries(environment, "delivered", 1);
    assertThat(delivered.getString("items[0].id")).isEqualTo(id);
    assertThat(delivered.getString("items[0].lastError")).isNull();
    assertThat(slack.delivered()).hasSize(1);
    assertThat(new JsonPath(slack.delivered().get(0).body()).getString("text"))
        .as("the fallback, sent again")
        .contains(environment)
        .contains("1 new finding");
    assertThat(deliveries("state=failed&environment=" + environment).getInt("total")).isZero();
    assertThat(
            given()
                .get("/api/v1/changes?limit=20")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("action", String.class))
        .contains("alert.delivery.retried");

    given()
        .post("/api/v1/alerts/deliveries/" + id + "/retry")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:driftwatch:problem:delivery-not-failed"))
        .body("detail", containsString("is delivered, not failed"));
    given()
        .post("/api/v1/alerts/deliveries/" + UUID.randomUUID() + "/retry")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:driftwatch:problem:delivery-not-found"));
  }

  @Test
  void a_revoked_webhook_fails_at_once_without_a_fallback() throws Exception {
    slack.then(new Answer(404, null, "no_service"));
    String environment = register(Map.of("webhookUrl", slack.genericUrl()));
    given().post("/api/v1/environments/" + environment + "/alerts/test").then().statusCode(202);

    JsonPath failed = awaitDeliveries(environment, "failed", 1);
    assertThat(failed.getString("items[0].channel")).isEqualTo("WEBHOOK");
    assertThat(failed.getString("items[0].kind")).isEqualTo("TEST");
    assertThat(failed.getString("items[0].lastError")).isEqualTo("404 no_service");
    Thread.sleep(1500);
    assertThat(slack.received()).hasSize(1);
  }

  @Test
  void deliveries_are_paged_newest_first_and_the_state_is_checked() throws Exception {
    slack.then(
        new Answer(404, null, "no_service"),
        new Answer(404, null, "no_service"),
        new Answer(404, null, "no_service"));
    String environment = register(Map.of("slackWebhookUrl", slack.webhookUrl()));
    for (int i = 0; i < 3; i++) {
      given().post("/api/v1/environments/" + environment + "/alerts/test").then().statusCode(202);
    }
    awaitDeliveries(environment, "failed", 3);

    JsonPath first = deliveries("state=FAILED&environment=" + environment + "&size=2");
    assertThat(first.getInt("total")).isEqualTo(3);
    assertThat(first.getInt("size")).isEqualTo(2);
    assertThat(first.getList("items")).hasSize(2);
    JsonPath second = deliveries("state=failed&environment=" + environment + "&size=2&page=1");
    assertThat(second.getList("items")).hasSize(1);
    List<String> created = new ArrayList<>(first.getList("items.createdAt", String.class));
    created.addAll(second.getList("items.createdAt", String.class));
    assertThat(created).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(deliveries("environment=" + environment).getInt("total"))
        .as("every state")
        .isEqualTo(3);

    given()
        .get("/api/v1/alerts/deliveries?state=lost")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("state: must be pending, delivered or failed"));
    given()
        .get("/api/v1/alerts/deliveries?size=1000")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .post("/api/v1/alerts/deliveries/not-a-uuid/retry")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void only_admins_see_and_retry_deliveries() {
    for (String role : List.of("viewer", "operator")) {
      String token =
          given()
              .contentType(ContentType.JSON)
              .body(
                  Map.of(
                      "name",
                      role + "-" + UUID.randomUUID().toString().substring(0, 8),
                      "role",
                      role))
              .post("/api/v1/tokens")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath()
              .getString("token");
      given()
          .auth()
          .oauth2(token)
          .get("/api/v1/alerts/deliveries?state=failed")
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
      given()
          .auth()
          .oauth2(token)
          .post("/api/v1/alerts/deliveries/" + UUID.randomUUID() + "/retry")
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    given()
        .auth()
        .none()
        .get("/api/v1/alerts/deliveries")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }
}
