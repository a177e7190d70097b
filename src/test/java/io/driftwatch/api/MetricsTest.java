package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.audit.ReportJson;
import io.driftwatch.metrics.AuditMetrics;
import io.driftwatch.metrics.MetricsFromStore;
import io.driftwatch.store.AuditStandings;
import io.driftwatch.testing.FakeSlack;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Scrapes /q/metrics after audits of environments in different states. */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class MetricsTest {

  private static final String INIT = "20240101000000_init";
  private static final String INIT_SQL = "CREATE TABLE \"a\" (\"id\" TEXT);\n";
  private static final String BROKEN_URL = "postgresql://u@127.0.0.1:1/none";

  @Inject Pool store;

  @Inject ReportJson json;

  private static String scrape() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  /** The value of the one series with this name whose labels include all the given ones. */
  private static double value(String metrics, String name, String... labels) {
    List<Double> found = values(metrics, name, labels);
    assertThat(found).as("exactly one %s with %s", name, List.of(labels)).hasSize(1);
    return found.get(0);
  }

  private static boolean has(String metrics, String name, String... labels) {
    return !values(metrics, name, labels).isEmpty();
  }

  /** The value of a series without labels. */
  private static double unlabelled(String metrics, String name) {
    Matcher matcher =
        Pattern.compile("^" + Pattern.quote(name) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
    assertThat(matcher.find()).as("%s is exported", name).isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  private static List<Double> values(String metrics, String name, String... labels) {
    Pattern line =
        Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
    Matcher matcher = line.matcher(metrics);
    List<Double> found = new ArrayList<>();
    while (matcher.find()) {
      String labelText = matcher.group(1);
      boolean all = true;
      for (String label : labels) {
        all &= labelText.contains(label);
      }
      if (all) {
        found.add(Double.parseDouble(matcher.group(2)));
      }
    }
    return found;
  }

  private static String label(String environment) {
    return "environment=\"" + environment + "\"";
  }

  /**
   * The Grafana dashboard and the Prometheus rules in deploy/ may only use series this scrape has.
   */
  private static void assertDeployArtifactsQueryOnlyExportedMetrics(String metrics)
      throws IOException {
    Set<String> referenced = new TreeSet<>();
    for (String file :
        List.of(
            "deploy/grafana/driftwatch-dashboard.json", "deploy/prometheus/driftwatch-rules.yml")) {
      Matcher name = Pattern.compile("driftwatch_[a-z_]+").matcher(Files.readString(Path.of(file)));
      while (name.find()) {
        referenced.add(name.group());
      }
    }
    assertThat(referenced).as("deploy/ queries some metrics").hasSizeGreaterThanOrEqualTo(6);
    assertThat(referenced)
        .allSatisfy(
            series ->
                assertThat(metrics)
                    .as("deploy/ queries %s, which /q/metrics must export", series)
                    .containsPattern("\n" + Pattern.quote(series) + "[{ ]"));
  }

  @Test
  void audits_of_several_states_show_up_per_environment() throws Exception {
    try (TargetDatabase synced = TargetDatabase.create().managedByPrisma();
        TargetDatabase behind = TargetDatabase.create().managedByPrisma();
        PrismaFolder folder = PrismaFolder.create().migration(INIT, INIT_SQL);
        PrismaFolder twoMigrations =
            PrismaFolder.create()
                .migration(INIT, INIT_SQL)
                .migration("20240102000000_next", "SELECT 1;")) {
      synced.deploy(INIT, INIT_SQL);
      behind.deploy(INIT, INIT_SQL).deploy("20240103000000_phantom", "SELECT 2;");
      Files.writeString(
          folder.root().resolve("schema.prisma"),
          """
          datasource db {
            provider = "postgresql"
            url      = env("DATABASE_URL")
          }
          model a {
            id String @id
          }
          """);
      String clean = Environments.register(synced, folder);
      String drift = Environments.register(behind, twoMigrations);
      String broken = Environments.register(BROKEN_URL, folder);
      Environments.audit(clean);
      Environments.audit(drift);
      Environments.audit(broken);

      String metrics = scrape();
      String cleanLabel = "environment=\"" + clean + "\"";
      String driftLabel = "environment=\"" + drift + "\"";
      String brokenLabel = "environment=\"" + broken + "\"";

      assertThat(value(metrics, "driftwatch_in_sync", cleanLabel, "tier=\"production\""))
          .isEqualTo(1.0);
      assertThat(value(metrics, "driftwatch_in_sync", driftLabel)).isEqualTo(0.0);
      assertThat(value(metrics, "driftwatch_in_sync", brokenLabel)).isEqualTo(0.0);
      assertThat(value(metrics, "driftwatch_migrations", cleanLabel, "state=\"APPLIED\""))
          .isEqualTo(1.0);
      assertThat(value(metrics, "driftwatch_migrations", driftLabel, "state=\"PENDING\""))
          .isEqualTo(1.0);
      assertThat(value(metrics, "driftwatch_migrations", driftLabel, "state=\"PHANTOM\""))
          .isEqualTo(1.0);
      assertThat(
              value(
                  metrics,
                  "driftwatch_findings",
                  driftLabel,
                  "family=\"HI\"",
                  "severity=\"ERROR\""))
          .isEqualTo(2.0);
      assertThat(
              value(
                  metrics,
                  "driftwatch_findings",
                  driftLabel,
                  "family=\"HI\"",
                  "severity=\"WARNING\""))
          .isEqualTo(2.0);
      assertThat(
              value(
                  metrics,
                  "driftwatch_findings",
                  cleanLabel,
                  "family=\"DH\"",
                  "severity=\"CRITICAL\""))
          .isZero();
      assertThat(value(metrics, "driftwatch_last_audit_timestamp_seconds", brokenLabel))
          .isGreaterThan(1.7e9);
      assertThat(metrics)
          .doesNotContain("driftwatch_last_successful_audit_timestamp_seconds{" + brokenLabel);
      assertThat(value(metrics, "driftwatch_last_successful_audit_timestamp_seconds", cleanLabel))
          .isGreaterThan(1.7e9);
      assertThat(value(metrics, "driftwatch_audit_errors_total", brokenLabel)).isEqualTo(1.0);
      assertThat(
              value(
                  metrics,
                  "driftwatch_audit_duration_seconds_count",
                  driftLabel,
                  "outcome=\"DRIFT\""))
          .isEqualTo(1.0);
      assertThat(metrics).contains("driftwatch_audit_duration_seconds_bucket{");
      assertThat(value(metrics, "driftwatch_drift_objects", cleanLabel)).isZero();
      assertThat(value(metrics, "driftwatch_coverage_ratio", cleanLabel)).isEqualTo(1.0);
      assertThat(value(metrics, "driftwatch_history_owner", cleanLabel, "owner=\"PRISMA_MIGRATE\""))
          .isEqualTo(1.0);
      assertThat(value(metrics, "driftwatch_history_owner", cleanLabel, "owner=\"PRISMA_8\""))
          .isZero();
      assertThat(value(metrics, "driftwatch_coverage_ratio", driftLabel))
          .as("a schema without models: unknown, not 1.0")
          .isNaN();
      assertThat(metrics)
          .as("no drift figure without a database to compare")
          .doesNotContain("driftwatch_drift_objects{" + brokenLabel);
      assertThat(metrics)
          .as("no migration name is ever a label")
          .doesNotContain("20240102000000_next")
          .doesNotContain("20240103000000_phantom");

      assertDeployArtifactsQueryOnlyExportedMetrics(givenUpDelivery(synced, folder));

      given().delete("/api/v1/environments/" + drift).then().statusCode(204);
      assertThat(scrape()).doesNotContain(driftLabel);
    }
  }

  /**
   * Scrapes once a delivery to a destination that refuses it was given up (the rules watch that
   * counter).
   */
  private static String givenUpDelivery(TargetDatabase target, PrismaFolder folder)
      throws Exception {
    try (FakeSlack slack = FakeSlack.start().then(new FakeSlack.Answer(404, null, "no_service"))) {
      Map<String, Object> body = body(target.prismaUrl(), folder, null);
      body.put("alerts", Map.of("slackWebhookUrl", slack.webhookUrl()));
      String name = register(body);
      given().post("/api/v1/environments/" + name + "/alerts/test").then().statusCode(202);
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      String metrics = scrape();
      while (!has(metrics, "driftwatch_alert_deliveries_total", label(name), "outcome=\"FAILED\"")
          && System.nanoTime() < until) {
        Thread.sleep(200);
        metrics = scrape();
      }
      assertThat(
              value(
                  metrics, "driftwatch_alert_deliveries_total", label(name), "outcome=\"FAILED\""))
          .as("the refused delivery is counted")
          .isEqualTo(1.0);
      return metrics;
    }
  }

  private static Map<String, Object> body(String databaseUrl, PrismaFolder folder, String cron) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "env-" + UUID.randomUUID().toString().substring(0, 8));
    body.put("tier", "production");
    body.put("databaseUrl", databaseUrl);
    body.put("source", Map.of("type", "path", "path", folder.path().toString()));
    if (cron != null) {
      body.put("schedule", Map.of("cron", cron, "paused", false));
    }
    return body;
  }

  private static String register(Map<String, Object> body) {
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/environments")
        .then()
        .statusCode(201);
    return (String) body.get("name");
  }

  private static void replace(String name, Map<String, Object> body) {
    body.put("name", name);
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/environments/" + name)
        .then()
        .statusCode(200);
  }

  @Test
  void an_environment_has_its_series_from_its_creation_before_any_audit() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration(INIT, INIT_SQL)) {
      double before = System.currentTimeMillis() / 1000.0;
      Map<String, Object> body = body(BROKEN_URL, folder, "0 */5 * * * ?");
      String name = register(body);

      String metrics = scrape();
      assertThat(
              value(
                  metrics,
                  "driftwatch_environment_created_timestamp_seconds",
                  label(name),
                  "tier=\"production\""))
          .isBetween(before - 1, System.currentTimeMillis() / 1000.0 + 1);
      assertThat(value(metrics, "driftwatch_schedule_period_seconds", label(name)))
          .isEqualTo(300.0);
      assertThat(value(metrics, "driftwatch_audit_consecutive_errors", label(name))).isZero();
      assertThat(unlabelled(metrics, "driftwatch_environments")).isGreaterThanOrEqualTo(1.0);
      assertThat(has(metrics, "driftwatch_last_audit_timestamp_seconds", label(name)))
          .as("not audited yet")
          .isFalse();

      body.put("schedule", Map.of("cron", "0 0 * * * ?", "paused", false));
      replace(name, body);
      assertThat(value(scrape(), "driftwatch_schedule_period_seconds", label(name)))
          .as("hourly")
          .isEqualTo(3600.0);
      body.put("schedule", Map.of("cron", "0 0 * * * ?", "paused", true));
      replace(name, body);
      assertThat(value(scrape(), "driftwatch_schedule_period_seconds", label(name)))
          .as("paused: nothing scheduled")
          .isZero();
      body.put("tier", "staging");
      replace(name, body);
      metrics = scrape();
      assertThat(
              has(
                  metrics,
                  "driftwatch_environment_created_timestamp_seconds",
                  label(name),
                  "tier=\"production\""))
          .as("the old tier's series go")
          .isFalse();
      assertThat(
              has(
                  metrics,
                  "driftwatch_environment_created_timestamp_seconds",
                  label(name),
                  "tier=\"staging\""))
          .isTrue();
    }
  }

  @Test
  void the_error_streak_counts_the_errors_in_a_row_and_an_audit_that_reads_both_sides_ends_it()
      throws Exception {
    try (TargetDatabase target = TargetDatabase.create().managedByPrisma();
        PrismaFolder folder = PrismaFolder.create().migration(INIT, INIT_SQL)) {
      target.deploy(INIT, INIT_SQL);
      Map<String, Object> body = body(target.prismaUrl(), folder, null);
      String name = register(body);
      Environments.audit(name);
      String metrics = scrape();
      assertThat(value(metrics, "driftwatch_audit_consecutive_errors", label(name))).isZero();
      double succeeded =
          value(metrics, "driftwatch_last_successful_audit_timestamp_seconds", label(name));

      body.put("databaseUrl", BROKEN_URL);
      replace(name, body);
      Environments.audit(name);
      Environments.audit(name);
      metrics = scrape();
      assertThat(value(metrics, "driftwatch_audit_consecutive_errors", label(name))).isEqualTo(2.0);
      assertThat(value(metrics, "driftwatch_last_audit_timestamp_seconds", label(name)))
          .isGreaterThan(succeeded);
      assertThat(value(metrics, "driftwatch_last_successful_audit_timestamp_seconds", label(name)))
          .isEqualTo(succeeded);

      body.put("databaseUrl", target.prismaUrl());
      replace(name, body);
      Environments.audit(name);
      assertThat(value(scrape(), "driftwatch_audit_consecutive_errors", label(name))).isZero();
    }
  }

  /**
   * A replica that just started, or that ran none of the audits, shows what the store holds: a
   * fresh registry filled by one read of the real store, as at start-up and at every refresh.
   */
  @Test
  void a_replica_that_did_not_run_the_audits_shows_what_the_store_holds() throws Exception {
    try (TargetDatabase target = TargetDatabase.create().managedByPrisma();
        PrismaFolder folder = PrismaFolder.create().migration(INIT, INIT_SQL)) {
      target.deploy(INIT, INIT_SQL);
      String neverSucceeded = register(body(BROKEN_URL, folder, "0 */5 * * * ?"));
      Environments.audit(neverSucceeded);
      Environments.audit(neverSucceeded);
      Map<String, Object> failingBody = body(target.prismaUrl(), folder, null);
      String nowFailing = register(failingBody);
      Environments.audit(nowFailing);
      failingBody.put("databaseUrl", BROKEN_URL);
      replace(nowFailing, failingBody);
      Environments.audit(nowFailing);
      String neverAudited = register(body(BROKEN_URL, folder, "0 0 * * * ?"));
      String served = scrape();

      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      MetricsFromStore replica =
          new MetricsFromStore(new AuditStandings(store), json, new AuditMetrics(registry));
      replica.refresh().await().atMost(Duration.ofSeconds(15));
      String metrics = registry.scrape();

      assertThat(value(metrics, "driftwatch_audit_consecutive_errors", label(neverSucceeded)))
          .isEqualTo(2.0);
      assertThat(
              has(
                  metrics,
                  "driftwatch_last_successful_audit_timestamp_seconds",
                  label(neverSucceeded)))
          .isFalse();
      assertThat(value(metrics, "driftwatch_last_audit_timestamp_seconds", label(neverSucceeded)))
          .isEqualTo(
              value(served, "driftwatch_last_audit_timestamp_seconds", label(neverSucceeded)));
      assertThat(value(metrics, "driftwatch_schedule_period_seconds", label(neverSucceeded)))
          .isEqualTo(300.0);

      assertThat(value(metrics, "driftwatch_audit_consecutive_errors", label(nowFailing)))
          .isEqualTo(1.0);
      assertThat(value(metrics, "driftwatch_in_sync", label(nowFailing)))
          .as("the latest audit failed")
          .isZero();
      assertThat(
              value(
                  metrics, "driftwatch_last_successful_audit_timestamp_seconds", label(nowFailing)))
          .as("the latest success is restored even though the latest audit failed")
          .isEqualTo(
              value(
                  served, "driftwatch_last_successful_audit_timestamp_seconds", label(nowFailing)));
      assertThat(value(metrics, "driftwatch_migrations", label(nowFailing), "state=\"APPLIED\""))
          .isEqualTo(1.0);

      assertThat(value(metrics, "driftwatch_audit_consecutive_errors", label(neverAudited)))
          .isZero();
      assertThat(value(metrics, "driftwatch_schedule_period_seconds", label(neverAudited)))
          .isEqualTo(3600.0);
      assertThat(
              value(
                  metrics, "driftwatch_environment_created_timestamp_seconds", label(neverAudited)))
          .isEqualTo(
              value(
                  served, "driftwatch_environment_created_timestamp_seconds", label(neverAudited)));
      assertThat(has(metrics, "driftwatch_last_audit_timestamp_seconds", label(neverAudited)))
          .isFalse();

      given().delete("/api/v1/environments/" + neverAudited).then().statusCode(204);
      Environments.audit(neverSucceeded);
      replica.refresh().await().atMost(Duration.ofSeconds(15));
      metrics = registry.scrape();
      assertThat(metrics).as("deleted through another replica").doesNotContain(label(neverAudited));
      assertThat(value(metrics, "driftwatch_audit_consecutive_errors", label(neverSucceeded)))
          .as("audited by another replica")
          .isEqualTo(3.0);
      assertThat(unlabelled(metrics, "driftwatch_environments"))
          .isEqualTo(unlabelled(scrape(), "driftwatch_environments"));
    }
  }
}
