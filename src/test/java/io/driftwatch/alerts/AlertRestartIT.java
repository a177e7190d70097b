package io.driftwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.AlertScene;
import io.driftwatch.testing.FakeSlack;
import io.driftwatch.testing.OutboxRows;
import io.driftwatch.testing.PackagedService;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every alert arrives exactly once across a receiver outage of a minute with the service killed in
 * the middle of it: the packaged service, a Slack receiver that first refuses connections, then
 * takes requests and never answers them, SIGKILL while the service waits on one (its claims left
 * behind), the service started again on the same store, the receiver back after a minute. Runs on
 * the package, in {@code mvn verify}.
 */
class AlertRestartIT {

  private static final int ENVIRONMENTS = 3;
  private static final long OUTAGE_MILLIS = TimeUnit.SECONDS.toMillis(60);
  private static final Map<String, String> SETTINGS =
      Map.of(
          "DRIFTWATCH_ALERTS_ALLOWED_HOSTS", "127.0.0.1",
          "DRIFTWATCH_ALERTS_ALLOWED_PORTS", "1024-65535",
          "DRIFTWATCH_ALERTS_ALLOW_PLAIN_HTTP", "true",
          "DRIFTWATCH_ALERTS_DELIVERY_INTERVAL", "1s",
          "DRIFTWATCH_ALERTS_FIRST_BACKOFF", "1s",
          "DRIFTWATCH_ALERTS_REQUEST_TIMEOUT", "3s");

  @Test
  void nothing_is_lost_or_doubled_across_a_minute_of_outage_and_a_kill_in_the_middle()
      throws Exception {
    try (AlertScene scene = AlertScene.start();
        PackagedService service =
            PackagedService.start(List.of(), SETTINGS, Path.of("target", "alert-restart-1.log"))) {
      FakeSlack slack = scene.slack();
      slack.down();
      long outageStart = System.currentTimeMillis();
      List<String> environments = new ArrayList<>();
      for (int i = 0; i < ENVIRONMENTS; i++) {
        String name = "restart-" + i;
        service
            .request()
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
        service.request().post("/api/v1/environments/" + name + "/audits").then().statusCode(201);
        service
            .request()
            .post("/api/v1/environments/" + name + "/alerts/test")
            .then()
            .statusCode(202);
        environments.add(name);
      }
      List<String> payloads = column(service, environments, "payload");
      assertThat(payloads)
          .as("a phantom alert and a test message per environment")
          .hasSize(2 * ENVIRONMENTS)
          .doesNotHaveDuplicates();
      awaitAttempts(service, environments, 2);

      // The receiver now takes requests and never answers: the service waits on one, holding its
      // claims.
      slack.hang();
      long deadline = System.currentTimeMillis() + 30_000;
      while (slack.held().isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertThat(slack.held()).as("a delivery in flight when the service is killed").isNotEmpty();
      service.kill();
      List<String> claimedWhenKilled =
          column(
              service,
              environments,
              "CASE WHEN claimed_until > now() THEN 'claimed' ELSE 'free' END");
      slack.down();
      assertThat(claimedWhenKilled).as("the dead process left claims behind").contains("claimed");
      int attemptsBeforeRestart = totalAttempts(service, environments);

      service.restart(Path.of("target", "alert-restart-2.log"));
      Thread.sleep(Math.max(0, outageStart + OUTAGE_MILLIS - System.currentTimeMillis()));
      assertThat(totalAttempts(service, environments))
          .as("the new process kept trying through the outage")
          .isGreaterThan(attemptsBeforeRestart);
      assertThat(slack.received()).as("the receiver answered nothing for a minute").isEmpty();

      slack.up();
      assertThat(slack.awaitDelivered(2 * ENVIRONMENTS, 150_000)).hasSize(2 * ENVIRONMENTS);
      Thread.sleep(5_000); // anything that would post twice has had its chance
      Map<String, Long> delivered =
          slack.delivered().stream()
              .collect(Collectors.groupingBy(FakeSlack.Received::body, Collectors.counting()));
      assertThat(delivered)
          .as("each alert exactly once")
          .isEqualTo(
              payloads.stream().collect(Collectors.toMap(Function.identity(), payload -> 1L)));
      assertThat(slack.received()).as("nothing else posted").hasSize(2 * ENVIRONMENTS);
      assertThat(column(service, environments, "(delivered_at IS NOT NULL)::text"))
          .as("0 lost: all delivered")
          .containsOnly("true")
          .hasSize(2 * ENVIRONMENTS);
    }
  }

  private static void awaitAttempts(
      PackagedService service, List<String> environments, int attempts) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (column(service, environments, "attempts::text").stream()
            .mapToInt(Integer::parseInt)
            .min()
            .orElse(0)
        < attempts) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError(
            "not attempted "
                + attempts
                + " times: "
                + column(service, environments, "attempts::text"));
      }
      Thread.sleep(200);
    }
  }

  private static int totalAttempts(PackagedService service, List<String> environments)
      throws SQLException {
    return column(service, environments, "attempts::text").stream()
        .mapToInt(Integer::parseInt)
        .sum();
  }

  private static List<String> column(
      PackagedService service, List<String> environments, String expression) throws SQLException {
    try (Connection store = service.server().connect(service.store())) {
      return OutboxRows.column(store, environments, expression);
    }
  }
}
