package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.driftwatch.testing.AlertScene;
import io.driftwatch.testing.FakeSlack;
import io.driftwatch.testing.FakeSlack.Answer;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.driftwatch.testing.TestPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slack alerts from the outbox, against a local fake Slack: outages, 429, restarts, lifecycle. */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class AlertTest {

  private static final String PHANTOM = AlertScene.PHANTOM;

  private AlertScene scene;
  private TargetDatabase target;
  private PrismaFolder folder;
  private FakeSlack slack;

  @BeforeEach
  void create() throws Exception {
    scene = AlertScene.start();
    target = scene.target();
    folder = scene.folder();
    slack = scene.slack();
  }

  @AfterEach
  void cleanUp() {
    scene.close();
  }

  private String register(String webhook, String minSeverity) {
    String name = "alert-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> alerts =
        minSeverity == null
            ? Map.of("slackWebhookUrl", webhook)
            : Map.of("slackWebhookUrl", webhook, "minSeverity", minSeverity);
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                name,
                "tier",
                "production",
                "databaseUrl",
                target.prismaUrl(),
                "source",
                Map.of("type", "path", "path", folder.path()),
                "alerts",
                alerts))
        .post("/api/v1/environments")
        .then()
        .statusCode(201)
        .body("alerts.hasSlackWebhook", equalTo(true))
        .body("alerts.minSeverity", equalTo(minSeverity == null ? "warning" : minSeverity))
        .body(not(containsString("/services/T000")));
    return name;
  }

  @Test
  void new_findings_are_sent_once_with_the_fix_and_a_link() throws Exception {
    String environment = register(slack.webhookUrl(), null);
    JsonPath audit = Environments.audit(environment);

    List<FakeSlack.Received> delivered = slack.awaitDelivered(1, 15_000);
    assertThat(delivered).hasSize(1);
    JsonPath message = new JsonPath(delivered.get(0).body());
    assertThat(message.getString("text"))
        .contains(environment)
        .contains("1 new finding")
        .contains("FOLDER_BEHIND");
    assertThat(message.getString("blocks[0].type")).isEqualTo("header");
    String all = delivered.get(0).body();
    assertThat(all)
        .contains("HI002 PHANTOM_MIGRATION")
        .contains(PHANTOM)
        .contains("*Fix:*")
        .contains("/audits/" + audit.getString("id"))
        .doesNotContain("/api/v1/audits/");

    Environments.audit(environment);
    Thread.sleep(2500);
    assertThat(slack.received()).as("an unchanged finding is not sent again").hasSize(1);
  }

  /**
   * The Block Kit message Slack took: the only request, answered 200 the first time (not the
   * fallback).
   */
  private JsonPath acceptedAtOnce(String environment) throws Exception {
    List<FakeSlack.Received> delivered = slack.awaitDeliveredContaining(environment, 1, 30_000);
    assertThat(delivered).as("delivered").hasSize(1);
    assertThat(slack.received())
        .extracting(FakeSlack.Received::answered)
        .as("taken at the first attempt")
        .containsExactly(200);
    JsonPath message = new JsonPath(delivered.get(0).body());
    assertThat(message.getList("blocks"))
        .as("as Block Kit, not the plain-text fallback")
        .isNotEmpty();
    return message;
  }

  @Test
  void an_hi003_listing_103_pending_migrations_is_delivered_within_slack_limits() throws Exception {
    // A staging copy that took a hotfix and is 103 migrations behind: HI003's message names them
    // all (5,014
    // characters when seen), over Slack's 3,000 per section.
    for (int i = 1; i <= 103; i++) {
      folder.migration(
          "202402%08d_add_reporting_columns_to_the_customer_table".formatted(i), "SELECT 1;");
    }
    String environment = "alert-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                environment,
                "tier",
                "staging",
                "databaseUrl",
                target.prismaUrl(),
                "source",
                Map.of("type", "path", "path", folder.path()),
                "alerts",
                Map.of("slackWebhookUrl", slack.webhookUrl())))
        .post("/api/v1/environments")
        .then()
        .statusCode(201);
    JsonPath audit = Environments.audit(environment);
    String hi003 = audit.getString("findings.find { it.code == 'HI003' }.message");
    assertThat(hi003.length()).as("the finding's own message").isGreaterThan(FakeSlack.MAX_TEXT);

    JsonPath message = acceptedAtOnce(environment);
    String body = slack.delivered().get(0).body();
    assertThat(body)
        .contains("HI003 HISTORIES_DIVERGED")
        .contains("/audits/" + audit.getString("id"))
        .doesNotContain("/api/v1/audits/")
        .contains("20240200000001_add_reporting_columns_to_the_customer_table");
    assertThat(message.getList("blocks.text.text", String.class).stream().filter(Objects::nonNull))
        .anySatisfy(text -> assertThat(text).contains("HI003").contains("full text in the report"));
  }

  @Test
  void two_hundred_cleared_drift_objects_are_delivered_within_slack_limits() throws Exception {
    StringBuilder tables = new StringBuilder();
    for (int i = 1; i <= 200; i++) {
      tables.append("CREATE TABLE \"legacy_reporting_snapshot_%03d\" (\"id\" INT);".formatted(i));
    }
    target.sql(tables.toString());
    String environment = register(slack.webhookUrl(), null);
    assertThat(Environments.audit(environment).getList("findings.code", String.class))
        .contains("SD001");
    assertThat(slack.awaitDeliveredContaining(environment, 1, 30_000)).hasSize(1);

    target.sql(
        tables.toString().replace("CREATE TABLE", "DROP TABLE").replace(" (\"id\" INT)", ""));
    JsonPath audit = Environments.audit(environment);
    List<FakeSlack.Received> delivered = slack.awaitDeliveredContaining("resolved", 1, 30_000);
    assertThat(delivered).hasSize(1);
    assertThat(slack.received())
        .extracting(FakeSlack.Received::answered)
        .as("both taken at once")
        .containsExactly(200, 200);
    String body = delivered.get(0).body();
    assertThat(body)
        .contains("200 findings resolved")
        .contains("SD001 UNTRACKED_TABLE")
        .containsPattern("… and \\d+ more")
        .contains("/audits/" + audit.getString("id"))
        .doesNotContain("/api/v1/audits/");
    assertThat(new JsonPath(body).getList("blocks")).isNotEmpty();
  }

  @Test
  void a_message_slack_refuses_is_sent_again_once_as_plain_text() throws Exception {
    slack.then(new Answer(400, null, "invalid_blocks"));
    String environment = register(slack.webhookUrl(), null);
    JsonPath audit = Environments.audit(environment);

    List<FakeSlack.Received> delivered = slack.awaitDelivered(1, 20_000);
    assertThat(delivered).hasSize(1);
    List<FakeSlack.Received> all = slack.received();
    assertThat(all).extracting(FakeSlack.Received::answered).containsExactly(400, 200);
    assertThat(new JsonPath(all.get(0).body()).getList("blocks")).isNotEmpty();
    JsonPath fallback = new JsonPath(all.get(1).body());
    assertThat(fallback.getList("blocks")).as("plain text only").isNull();
    assertThat(fallback.getString("text"))
        .contains(environment)
        .contains("production")
        .contains("1 new finding")
        .contains("FOLDER_BEHIND")
        .contains("/audits/" + audit.getString("id"))
        .doesNotContain("/api/v1/audits/");
    assertThat(fallback.getString("text").length()).isLessThan(1000);
    Thread.sleep(2000);
    assertThat(slack.received()).as("sent once").hasSize(2);
  }

  @Test
  void a_slack_outage_delays_delivery_and_nothing_is_lost_or_doubled() throws Exception {
    slack.then(new Answer(500, null, "internal_error"), new Answer(503, null, "unavailable"));
    String environment = register(slack.webhookUrl(), null);
    Environments.audit(environment);

    assertThat(slack.awaitDelivered(1, 20_000)).hasSize(1);
    Thread.sleep(2000);
    assertThat(slack.received())
        .extracting(FakeSlack.Received::answered)
        .containsExactly(500, 503, 200);
    assertThat(outboxRow(environment)).contains("attempts=3").contains("delivered=true");
  }

  @Test
  void a_429_waits_for_retry_after() throws Exception {
    slack.then(new Answer(429, "2", "rate_limited"));
    String environment = register(slack.webhookUrl(), null);
    Environments.audit(environment);

    List<FakeSlack.Received> delivered = slack.awaitDelivered(1, 20_000);
    assertThat(delivered).hasSize(1);
    List<FakeSlack.Received> all = slack.received();
    assertThat(all).extracting(FakeSlack.Received::answered).containsExactly(429, 200);
    assertThat(Duration.between(all.get(0).at(), all.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
  }

  @Test
  void a_sender_that_died_mid_delivery_is_replaced_and_the_message_sent_once() throws Exception {
    String environment = register(slack.webhookUrl(), null);
    // As if a replica claimed the message and died: the claim runs out, another sender delivers it.
    try (Connection store = TestPostgres.server().connect(StoreDatabase.current());
        Statement statement = store.createStatement()) {
      statement.execute(
          "CREATE OR REPLACE FUNCTION dw_test_claim() RETURNS trigger AS $$ BEGIN "
              + "NEW.claimed_until := now() + interval '2 seconds'; NEW.attempts := 1; RETURN NEW; END $$ LANGUAGE plpgsql");
      statement.execute(
          "CREATE TRIGGER dw_test_claim BEFORE INSERT ON alert_outbox FOR EACH ROW EXECUTE FUNCTION dw_test_claim()");
      try {
        Environments.audit(environment);
      } finally {
        statement.execute("DROP TRIGGER dw_test_claim ON alert_outbox");
        statement.execute("DROP FUNCTION dw_test_claim()");
      }
    }
    Thread.sleep(1000);
    assertThat(slack.received()).as("claimed by a dead sender: not sent yet").isEmpty();
    assertThat(slack.awaitDelivered(1, 15_000)).hasSize(1);
    Thread.sleep(2000);
    assertThat(slack.received()).hasSize(1);
  }

  @Test
  void resolving_the_finding_sends_a_resolved_message() throws Exception {
    String environment = register(slack.webhookUrl(), null);
    Environments.audit(environment);
    assertThat(slack.awaitDelivered(1, 15_000)).hasSize(1);

    folder.migration(PHANTOM, "SELECT 1;");
    Environments.audit(environment);
    List<FakeSlack.Received> delivered = slack.awaitDelivered(2, 15_000);
    assertThat(delivered).hasSize(2);
    assertThat(delivered.get(1).body())
        .contains("1 finding resolved")
        .contains("HI002 PHANTOM_MIGRATION");
  }

  @Test
  void findings_below_the_threshold_do_not_alert() throws Exception {
    String environment = register(slack.webhookUrl(), "critical");
    assertThat(Environments.audit(environment).getList("findings.name"))
        .contains("PHANTOM_MIGRATION");
    Thread.sleep(2500);
    assertThat(slack.received()).isEmpty();
  }

  @Test
  void webhooks_off_the_allow_list_are_refused_without_echoing_them() {
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "alert-bad",
                "tier",
                "production",
                "databaseUrl",
                target.prismaUrl(),
                "source",
                Map.of("type", "path", "path", folder.path()),
                "alerts",
                Map.of("slackWebhookUrl", "https://evil.example.com/hook/secret123")))
        .post("/api/v1/environments")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("host `evil.example.com` is not allowed"))
        .body(not(containsString("secret123")));
  }

  @Test
  void webhooks_on_a_port_off_the_allow_list_are_refused() {
    // The tests allow 443 and the ephemeral ports (FakeSlack's); production allows 443 only.
    for (String webhook :
        List.of(
            "https://hooks.slack.com:22/services/secret123",
            "http://127.0.0.1/services/secret123")) {
      given()
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "name",
                  "alert-port",
                  "tier",
                  "production",
                  "databaseUrl",
                  target.prismaUrl(),
                  "source",
                  Map.of("type", "path", "path", folder.path()),
                  "alerts",
                  Map.of("webhookUrl", webhook)))
          .post("/api/v1/environments")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body(
              "detail",
              containsString("port " + (webhook.startsWith("https") ? 22 : 80) + " is not allowed"))
          .body("detail", containsString("DRIFTWATCH_ALERTS_ALLOWED_PORTS"))
          .body(not(containsString("secret123")));
    }
  }

  @Test
  void deliveries_are_counted_by_outcome() throws Exception {
    slack.then(new Answer(500, null, "oops"));
    String environment = register(slack.webhookUrl(), null);
    Environments.audit(environment);
    slack.awaitDelivered(1, 15_000);
    String metrics = given().get("/q/metrics").then().extract().asString();
    assertThat(metrics)
        .containsPattern(
            "driftwatch_alert_deliveries_total\\{[^}]*environment=\""
                + environment
                + "\"[^}]*outcome=\"DELIVERED\"[^}]*\\} 1\\.0");
    assertThat(metrics)
        .containsPattern(
            "driftwatch_alert_deliveries_total\\{[^}]*environment=\""
                + environment
                + "\"[^}]*outcome=\"RETRY\"[^}]*\\} 1\\.0");
  }

  private static void remindedLongAgo(String environment) {
    StoreDatabase.execute(
        "UPDATE open_finding SET last_notified_at = now() - interval '2 days' WHERE environment_id = "
            + "(SELECT id FROM environment WHERE name = '"
            + environment
            + "')");
  }

  @Test
  void open_findings_are_reminded_of_unless_acknowledged() throws Exception {
    String environment = register(slack.webhookUrl(), null);
    Environments.audit(environment);
    assertThat(slack.awaitDelivered(1, 15_000)).hasSize(1);
    JsonPath open =
        given()
            .get("/api/v1/environments/" + environment + "/findings")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(open.getList("code")).containsExactly("HI002");
    String fingerprint = open.getString("[0].fingerprint");

    remindedLongAgo(environment);
    Environments.audit(environment);
    List<FakeSlack.Received> delivered = slack.awaitDelivered(2, 15_000);
    assertThat(delivered).hasSize(2);
    assertThat(delivered.get(1).body()).contains("still open").contains("HI002");

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("comment", "known: restoring it on Monday"))
        .put(
            "/api/v1/environments/" + environment + "/findings/" + fingerprint + "/acknowledgement")
        .then()
        .statusCode(200)
        .body("acknowledgedComment", equalTo("known: restoring it on Monday"));
    remindedLongAgo(environment);
    Environments.audit(environment);
    Thread.sleep(2500);
    assertThat(slack.received()).as("acknowledged: no reminder").hasSize(2);

    given()
        .delete(
            "/api/v1/environments/" + environment + "/findings/" + fingerprint + "/acknowledgement")
        .then()
        .statusCode(200);
    Environments.audit(environment);
    assertThat(slack.awaitDelivered(3, 15_000))
        .as("acknowledgement withdrawn: reminded again")
        .hasSize(3);
    given()
        .put("/api/v1/environments/" + environment + "/findings/0000000000000000/acknowledgement")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void test_notification_and_generic_webhook() throws Exception {
    String name = "alert-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                name,
                "tier",
                "staging",
                "databaseUrl",
                target.prismaUrl(),
                "source",
                Map.of("type", "path", "path", folder.path()),
                "alerts",
                Map.of("webhookUrl", slack.genericUrl(), "minSeverity", "error")))
        .post("/api/v1/environments")
        .then()
        .statusCode(201)
        .body("alerts.hasWebhook", equalTo(true))
        .body("alerts.hasSlackWebhook", equalTo(false));

    given()
        .post("/api/v1/environments/" + name + "/alerts/test")
        .then()
        .statusCode(202)
        .body("queued", equalTo(1));
    assertThat(slack.awaitDelivered(1, 15_000)).hasSize(1);
    assertThat(new JsonPath(slack.received().get(0).body()).getString("event")).isEqualTo("TEST");

    Environments.audit(name);
    List<FakeSlack.Received> delivered = slack.awaitDelivered(2, 15_000);
    JsonPath event = new JsonPath(delivered.get(1).body());
    assertThat(event.getString("event")).isEqualTo("OPENED");
    assertThat(event.getString("environment")).isEqualTo(name);
    assertThat(event.getList("findings.code")).containsExactly("HI002");
    assertThat(event.getString("reportUrl")).contains("/audits/").doesNotContain("/api/");

    String silent = "alert-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                silent,
                "tier",
                "other",
                "databaseUrl",
                target.prismaUrl(),
                "source",
                Map.of("type", "path", "path", folder.path())))
        .post("/api/v1/environments")
        .then()
        .statusCode(201);
    given()
        .post("/api/v1/environments/" + silent + "/alerts/test")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("no alert destination"));
  }

  private static String outboxRow(String environment) throws Exception {
    try (Connection store = TestPostgres.server().connect(StoreDatabase.current());
        Statement statement = store.createStatement();
        var rows =
            statement.executeQuery(
                "SELECT attempts, delivered_at IS NOT NULL FROM alert_outbox WHERE environment = '"
                    + environment
                    + "'")) {
      StringBuilder out = new StringBuilder();
      while (rows.next()) {
        out.append("attempts=")
            .append(rows.getInt(1))
            .append(" delivered=")
            .append(rows.getBoolean(2))
            .append(';');
      }
      return out.toString();
    }
  }
}
