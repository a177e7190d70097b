package io.driftwatch.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.driftwatch.api.Environments;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.secrets.SecretCipher;
import io.driftwatch.store.OutboxClaims;
import io.driftwatch.testing.AlertScene;
import io.driftwatch.testing.FakeSlack;
import io.driftwatch.testing.OutboxRows;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every alert arrives exactly once across a receiver outage of many delivery cycles (with backoff)
 * and a second sender replica that claims messages and dies before posting them, then wakes up and
 * tries: its claims run out, the running sender delivers, the late one posts nothing.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class AlertOutageTest {

  private static final int ENVIRONMENTS = 3;

  /**
   * Attempts each message fails while the receiver is down (backoff 0.3 s doubling, a pass every
   * second).
   */
  private static final int OUTAGE_ATTEMPTS = 5;

  @Inject AgroalDataSource dataSource;
  @Inject SecretCipher cipher;
  @Inject AlertDestinations destinations;
  @Inject MeterRegistry registry;
  @Inject ObjectMapper mapper;
  @Inject AlertOutboxGauges gauges;
  @Inject DriftwatchConfig config;

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

  /** Another replica of the service on the same store: its own sender, with its own claims. */
  private AlertSender replica() {
    return new AlertSender(
        new OutboxClaims(dataSource), cipher, destinations, registry, mapper, gauges, config);
  }

  @Test
  void nothing_is_lost_or_doubled_across_a_receiver_outage_and_a_replica_that_dies_mid_delivery()
      throws Exception {
    slack.down();
    List<String> environments = new ArrayList<>();
    for (int i = 0; i < ENVIRONMENTS; i++) {
      String name = "outage-" + UUID.randomUUID().toString().substring(0, 8);
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
                  Map.of("slackWebhookUrl", slack.webhookUrl())))
          .post("/api/v1/environments")
          .then()
          .statusCode(201);
      Environments.audit(name);
      given().post("/api/v1/environments/" + name + "/alerts/test").then().statusCode(202);
      environments.add(name);
    }
    List<String> payloads = column(environments, "payload");
    assertThat(payloads).hasSize(2 * ENVIRONMENTS).doesNotHaveDuplicates();

    awaitEveryAttempted(environments, OUTAGE_ATTEMPTS);
    gauges.refresh();
    String metrics = given().get("/q/metrics").then().extract().asString();
    assertThat(metrics)
        .containsPattern("(?m)^driftwatch_alert_deliveries_pending(\\{[^}]*\\})? ([6-9]|\\d\\d+)");
    assertThat(metrics)
        .containsPattern(
            "(?m)^driftwatch_alert_deliveries_oldest_pending_seconds(\\{[^}]*\\})? [1-9]");

    // A second replica claims what is due and dies before posting: its claims are left to run out.
    AlertSender dead = replica();
    List<AlertSender.Claimed> held = claimDue(dead, environments);
    assertThat(held).isNotEmpty();
    // As if its claim (twice the request timeout and ten seconds) had run out a second from now.
    try (Connection store = TestPostgres.server().connect(StoreDatabase.current());
        PreparedStatement expire =
            store.prepareStatement(
                "UPDATE alert_outbox SET claimed_until = now() + interval '1 second' WHERE claimed_by = ? AND environment = ANY (?)")) {
      expire.setObject(1, held.get(0).token());
      expire.setArray(2, store.createArrayOf("text", environments.toArray()));
      assertThat(expire.executeUpdate()).isEqualTo(held.size());
    }

    slack.up();
    assertThat(slack.awaitDelivered(2 * ENVIRONMENTS, 60_000)).hasSize(2 * ENVIRONMENTS);

    // The dead replica wakes up and sends what it had claimed: another sender delivered it, it
    // posts nothing.
    int before = slack.received().size();
    for (AlertSender.Claimed message : held) {
      dead.send(message);
    }
    Thread.sleep(3000);
    assertThat(slack.received()).as("nothing posted twice").hasSize(before);
    Map<String, Long> deliveredBodies =
        slack.delivered().stream()
            .collect(Collectors.groupingBy(FakeSlack.Received::body, Collectors.counting()));
    assertThat(deliveredBodies)
        .as("each alert exactly once")
        .isEqualTo(payloads.stream().collect(Collectors.toMap(Function.identity(), payload -> 1L)));
    assertThat(column(environments, "(delivered_at IS NOT NULL)::text"))
        .as("0 lost: all delivered")
        .containsOnly("true")
        .hasSize(2 * ENVIRONMENTS);
    assertThat(column(environments, "attempts::text"))
        .allSatisfy(
            attempts -> assertThat(Integer.parseInt(attempts)).isGreaterThan(OUTAGE_ATTEMPTS));
  }

  /**
   * Makes the environments' messages due and lets the replica claim some; the running sender may
   * take others.
   */
  private List<AlertSender.Claimed> claimDue(AlertSender replica, List<String> environments)
      throws Exception {
    for (int round = 0; round < 50; round++) {
      try (Connection store = TestPostgres.server().connect(StoreDatabase.current());
          PreparedStatement due =
              store.prepareStatement(
                  "UPDATE alert_outbox SET next_attempt_at = now() WHERE environment = ANY (?) AND delivered_at IS NULL")) {
        due.setArray(1, store.createArrayOf("text", environments.toArray()));
        due.executeUpdate();
      }
      List<AlertSender.Claimed> claimed =
          replica.claim().stream()
              .filter(message -> environments.contains(message.environment()))
              .toList();
      if (!claimed.isEmpty()) {
        return claimed;
      }
      Thread.sleep(50);
    }
    return List.of();
  }

  private void awaitEveryAttempted(List<String> environments, int attempts) throws Exception {
    long deadline = System.currentTimeMillis() + 90_000;
    while (System.currentTimeMillis() < deadline) {
      if (column(environments, "attempts::text").stream()
              .mapToInt(Integer::parseInt)
              .min()
              .orElse(0)
          >= attempts) {
        assertThat(slack.received()).as("the receiver was down").isEmpty();
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "the messages were not attempted "
            + attempts
            + " times: "
            + column(environments, "attempts::text"));
  }

  private static List<String> column(List<String> environments, String expression)
      throws SQLException {
    try (Connection store = TestPostgres.server().connect(StoreDatabase.current())) {
      return OutboxRows.column(store, environments, expression);
    }
  }
}
