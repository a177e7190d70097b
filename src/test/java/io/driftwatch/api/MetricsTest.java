package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Scrapes /q/metrics after audits of environments in different states. */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class MetricsTest {

  private static final String INIT = "20240101000000_init";
  private static final String INIT_SQL = "CREATE TABLE \"a\" (\"id\" TEXT);\n";

  private static String scrape() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  /** The value of the one series with this name whose labels include all the given ones. */
  private static double value(String metrics, String name, String... labels) {
    Pattern line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
    Matcher matcher = line.matcher(metrics);
    List<Double> found = new java.util.ArrayList<>();
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
    assertThat(found).as("exactly one %s with %s", name, List.of(labels)).hasSize(1);
    return found.get(0);
  }

  /** The Grafana dashboard and the Prometheus rules in deploy/ may only use series this scrape has. */
  private static void assertDeployArtifactsQueryOnlyExportedMetrics(String metrics) throws java.io.IOException {
    java.util.Set<String> referenced = new java.util.TreeSet<>();
    for (String file : List.of("deploy/grafana/driftwatch-dashboard.json", "deploy/prometheus/driftwatch-rules.yml")) {
      Matcher name = Pattern.compile("driftwatch_[a-z_]+").matcher(java.nio.file.Files.readString(java.nio.file.Path.of(file)));
      while (name.find()) {
        referenced.add(name.group());
      }
    }
    assertThat(referenced).as("deploy/ queries some metrics").hasSizeGreaterThanOrEqualTo(6);
    assertThat(referenced).allSatisfy(series ->
        assertThat(metrics).as("deploy/ queries %s, which /q/metrics must export", series).contains("\n" + series + "{"));
  }

  @Test
  void audits_of_several_states_show_up_per_environment() throws Exception {
    try (TargetDatabase synced = TargetDatabase.create().managedByPrisma();
        TargetDatabase behind = TargetDatabase.create().managedByPrisma();
        PrismaFolder folder = PrismaFolder.create().migration(INIT, INIT_SQL);
        PrismaFolder twoMigrations = PrismaFolder.create().migration(INIT, INIT_SQL)
            .migration("20240102000000_next", "SELECT 1;")) {
      synced.deploy(INIT, INIT_SQL);
      behind.deploy(INIT, INIT_SQL).deploy("20240103000000_phantom", "SELECT 2;");
      String clean = Environments.register(synced, folder);
      String drift = Environments.register(behind, twoMigrations);
      String broken = Environments.register("postgresql://u@127.0.0.1:1/none", folder);
      Environments.audit(clean);
      Environments.audit(drift);
      Environments.audit(broken);

      String metrics = scrape();
      String cleanLabel = "environment=\"" + clean + "\"";
      String driftLabel = "environment=\"" + drift + "\"";
      String brokenLabel = "environment=\"" + broken + "\"";

      assertThat(value(metrics, "driftwatch_in_sync", cleanLabel, "tier=\"production\"")).isEqualTo(1.0);
      assertThat(value(metrics, "driftwatch_in_sync", driftLabel)).isEqualTo(0.0);
      assertThat(value(metrics, "driftwatch_in_sync", brokenLabel)).isEqualTo(0.0);
      assertThat(value(metrics, "driftwatch_migrations", cleanLabel, "state=\"APPLIED\"")).isEqualTo(1.0);
      assertThat(value(metrics, "driftwatch_migrations", driftLabel, "state=\"PENDING\"")).isEqualTo(1.0);
      assertThat(value(metrics, "driftwatch_migrations", driftLabel, "state=\"PHANTOM\"")).isEqualTo(1.0);
      assertThat(value(metrics, "driftwatch_findings", driftLabel, "family=\"HI\"", "severity=\"ERROR\"")).isEqualTo(2.0);
      assertThat(value(metrics, "driftwatch_findings", driftLabel, "family=\"HI\"", "severity=\"WARNING\"")).isEqualTo(2.0);
      assertThat(value(metrics, "driftwatch_findings", cleanLabel, "family=\"DH\"", "severity=\"CRITICAL\"")).isZero();
      assertThat(value(metrics, "driftwatch_last_audit_timestamp_seconds", brokenLabel)).isGreaterThan(1.7e9);
      assertThat(metrics).doesNotContain("driftwatch_last_successful_audit_timestamp_seconds{" + brokenLabel);
      assertThat(value(metrics, "driftwatch_last_successful_audit_timestamp_seconds", cleanLabel)).isGreaterThan(1.7e9);
      assertThat(value(metrics, "driftwatch_audit_errors_total", brokenLabel)).isEqualTo(1.0);
      assertThat(value(metrics, "driftwatch_audit_duration_seconds_count", driftLabel, "outcome=\"DRIFT\"")).isEqualTo(1.0);
      assertThat(metrics).contains("driftwatch_audit_duration_seconds_bucket{");
      assertThat(value(metrics, "driftwatch_drift_objects", cleanLabel)).isZero();
      assertThat(value(metrics, "driftwatch_coverage_ratio", cleanLabel)).isEqualTo(1.0);
      assertThat(metrics).as("no drift figure without a database to compare")
          .doesNotContain("driftwatch_drift_objects{" + brokenLabel);
      assertThat(metrics).as("no migration name is ever a label").doesNotContain("20240102000000_next")
          .doesNotContain("20240103000000_phantom");

      assertDeployArtifactsQueryOnlyExportedMetrics(metrics);

      given().delete("/api/v1/environments/" + drift).then().statusCode(204);
      assertThat(scrape()).doesNotContain(driftLabel);
    }
  }
}
