package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.alerts.DefaultWebhookAnnouncer;
import io.driftwatch.testing.FakeSlack;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A destination configured while findings are open hears of them at once, in one message,
 * respecting acknowledgements and the threshold; the same URL again sends nothing.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class NewAlertDestinationTest {

  private static final String INIT = "20240101000000_init";
  private static final String INIT_SQL = "CREATE TABLE \"a\" (\"id\" TEXT);\n";
  private static final String BROKEN = "20240102000000_add_index";
  private static final String PHANTOM = "20240103000000_hotfix";

  @Inject DefaultWebhookAnnouncer defaultWebhook;

  private TargetDatabase target;
  private PrismaFolder folder;
  private FakeSlack slack;

  @BeforeEach
  void create() throws Exception {
    // Production with a failed migration (HI004, critical) and a hotfix applied by hand (HI002,
    // error).
    target = TargetDatabase.create().managedByPrisma();
    target
        .deploy(INIT, INIT_SQL)
        .deployFailed(BROKEN, "CREATE INDEX \"a_id\" ON \"a\"(\"id\");", "deadlock detected")
        .deploy(PHANTOM, "SELECT 1;");
    folder =
        PrismaFolder.create()
            .migration(INIT, INIT_SQL)
            .migration(BROKEN, "CREATE INDEX \"a_id\" ON \"a\"(\"id\");");
    slack = FakeSlack.start();
  }

  @AfterEach
  void cleanUp() {
    slack.close();
    target.close();
    folder.close();
  }

  /** An audited environment whose alerts go nowhere yet (the tests configure no global webhook). */
  private String auditedWithoutDestination() {
    String name = "newdest-" + UUID.randomUUID().toString().substring(0, 8);
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
                Map.of("type", "path", "path", folder.path())))
        .post("/api/v1/environments")
        .then()
        .statusCode(201);
    assertThat(Environments.audit(name).getList("findings.code", String.class))
        .contains("HI004", "HI002");
    assertThat(
            given()
                .get("/api/v1/environments/" + name + "/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("code", String.class))
        .contains("HI004", "HI002");
    return name;
  }

  private void put(String environment, Map<String, Object> alerts) {
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                environment,
                "tier",
                "production",
                "source",
                Map.of("type", "path", "path", folder.path()),
                "alerts",
                alerts))
        .put("/api/v1/environments/" + environment)
        .then()
        .statusCode(200);
  }

  private String fingerprint(String environment, String code) {
    return given()
        .get("/api/v1/environments/" + environment + "/findings")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getString("find { it.code == '" + code + "' }.fingerprint");
  }

  private List<FakeSlack.Received> to(String url) {
    String path = url.substring(url.indexOf("/", "http://".length()));
    return slack.delivered().stream().filter(r -> r.path().equals(path)).toList();
  }

  private List<FakeSlack.Received> awaitTo(String url, int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (to(url).size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    return to(url);
  }

  @Test
  void
      a_new_slack_webhook_hears_of_the_open_findings_once_without_the_acknowledged_or_those_below_its_threshold()
          throws Exception {
    String environment = auditedWithoutDestination();
    openSinceTwoDays(environment);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("comment", "restoring it tomorrow"))
        .put(
            "/api/v1/environments/"
                + environment
                + "/findings/"
                + fingerprint(environment, "HI002")
                + "/acknowledgement")
        .then()
        .statusCode(200);

    String first = slack.webhookUrl();
    put(environment, Map.of("slackWebhookUrl", first));
    List<FakeSlack.Received> announced = awaitTo(first, 1);
    assertThat(announced).hasSize(1);
    JsonPath message = new JsonPath(announced.get(0).body());
    assertThat(message.getString("text"))
        .contains(environment)
        .contains("already open")
        .contains("1 critical")
        .contains("this channel is new to driftwatch")
        .contains("/audits/")
        .doesNotContain("/api/v1/audits/");
    assertThat(announced.get(0).body())
        .contains("HI004 FAILED_MIGRATION")
        .contains(BROKEN)
        .contains("*Fix:*")
        .as("acknowledged: not announced")
        .doesNotContain("HI002");

    put(environment, Map.of("slackWebhookUrl", first));
    put(environment, Map.of("minSeverity", "warning"));
    // Open for two days and never told: without the announcement counting as notice, this audit
    // would remind.
    Environments.audit(environment);
    Thread.sleep(2500);
    assertThat(to(first))
        .as("the same webhook again, none given, the next audit: nothing more")
        .hasSize(1);

    given()
        .delete(
            "/api/v1/environments/"
                + environment
                + "/findings/"
                + fingerprint(environment, "HI002")
                + "/acknowledgement")
        .then()
        .statusCode(200);
    String second = slack.webhookUrl();
    put(environment, Map.of("slackWebhookUrl", second, "minSeverity", "critical"));
    List<FakeSlack.Received> again = awaitTo(second, 1);
    assertThat(again).hasSize(1);
    assertThat(again.get(0).body())
        .contains("HI004")
        .as("below the new threshold")
        .doesNotContain("HI002");
    Thread.sleep(1500);
    assertThat(slack.received()).as("one message per new destination, nothing else").hasSize(2);
  }

  private static void openSinceTwoDays(String environment) {
    StoreDatabase.execute(
        "UPDATE open_finding SET first_seen_at = now() - interval '2 days' WHERE environment_id = "
            + "(SELECT id FROM environment WHERE name = '"
            + environment
            + "')");
  }

  @Test
  void two_updates_setting_the_same_new_webhook_at_once_announce_once() throws Exception {
    String environment = auditedWithoutDestination();
    String webhook = slack.webhookUrl();
    List<CompletableFuture<Void>> updates =
        List.of(1, 2).stream()
            .map(
                i ->
                    CompletableFuture.runAsync(
                        () -> put(environment, Map.of("slackWebhookUrl", webhook))))
            .toList();
    for (CompletableFuture<Void> update : updates) {
      update.get(30, TimeUnit.SECONDS);
    }
    assertThat(awaitTo(webhook, 1)).hasSize(1);
    Thread.sleep(2500);
    assertThat(to(webhook)).hasSize(1);
  }

  @Test
  void a_new_generic_webhook_gets_the_open_findings_as_json_once() throws Exception {
    String environment = auditedWithoutDestination();
    String hook = slack.genericUrl();
    put(environment, Map.of("webhookUrl", hook));

    List<FakeSlack.Received> announced = awaitTo(hook, 1);
    assertThat(announced).hasSize(1);
    JsonPath event = new JsonPath(announced.get(0).body());
    assertThat(event.getString("event")).isEqualTo("ALREADY_OPEN");
    assertThat(event.getString("environment")).isEqualTo(environment);
    assertThat(event.getList("findings.code", String.class)).contains("HI004", "HI002");
    assertThat(event.getInt("findingsOmitted")).isZero();
    assertThat(event.getString("findings.find { it.code == 'HI004' }.help")).isNotBlank();

    put(environment, Map.of("webhookUrl", hook));
    Thread.sleep(2500);
    assertThat(slack.received()).hasSize(1);
  }

  @Test
  void an_environment_without_open_findings_announces_nothing() throws Exception {
    String name = "newdest-" + UUID.randomUUID().toString().substring(0, 8);
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
                Map.of("slackWebhookUrl", slack.webhookUrl())))
        .post("/api/v1/environments")
        .then()
        .statusCode(201);
    put(name, Map.of("slackWebhookUrl", slack.webhookUrl()));
    Thread.sleep(2500);
    assertThat(slack.received())
        .as("registered and changed before any audit: nothing is open")
        .isEmpty();
  }

  @Test
  void a_new_global_slack_webhook_hears_of_the_open_findings_of_the_environments_on_it_once()
      throws Throwable {
    String onDefault = auditedWithoutDestination();
    String own = slack.webhookUrl();
    String withOwn = "newdest-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                withOwn,
                "tier",
                "production",
                "databaseUrl",
                target.prismaUrl(),
                "source",
                Map.of("type", "path", "path", folder.path()),
                "alerts",
                Map.of("slackWebhookUrl", own)))
        .post("/api/v1/environments")
        .then()
        .statusCode(201);
    Environments.audit(withOwn);
    assertThat(awaitTo(own, 1)).hasSize(1);

    String global = slack.webhookUrl();
    try {
      // What a start-up with DRIFTWATCH_ALERTS_SLACK_WEBHOOK_URL newly set does.
      int queued =
          VertxContextSupport.subscribeAndAwait(() -> defaultWebhook.sync(Optional.of(global)));
      assertThat(queued).isPositive();
      List<FakeSlack.Received> announced = awaitTo(global, queued);
      assertThat(announced)
          .filteredOn(r -> r.body().contains(onDefault))
          .hasSize(1)
          .allSatisfy(
              r ->
                  assertThat(r.body())
                      .contains("already open")
                      .contains("HI004")
                      .contains("HI002"));
      assertThat(announced)
          .as("its own webhook: not the global one's")
          .noneMatch(r -> r.body().contains(withOwn));

      assertThat(
              VertxContextSupport.subscribeAndAwait(() -> defaultWebhook.sync(Optional.of(global))))
          .as("the same global webhook at the next start")
          .isZero();
      Thread.sleep(2000);
      assertThat(to(global)).hasSize(queued);
      assertThat(to(own)).hasSize(1);
    } finally {
      VertxContextSupport.subscribeAndAwait(() -> defaultWebhook.sync(Optional.empty()));
    }
  }
}
