package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TestMySql;
import io.driftwatch.testing.TestPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The quick start's demo reproduces incident 004: phantom, pending and failed at once. */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class DemoResourceTest {

  @AfterAll
  static void dropDemoDatabase() {
    TestPostgres.server().dropDatabase("driftwatch_demo");
    TestMySql.server().dropDatabase("driftwatch_demo");
  }

  @Test
  void the_mysql_demo_is_the_same_incident_half_applied_as_mysql_leaves_it() {
    JsonPath audit = given().post("/api/v1/demo/mysql").then().statusCode(201).extract().jsonPath();

    assertThat(audit.getString("environment")).isEqualTo("demo-mysql");
    assertThat(audit.getString("target.databaseUrl")).startsWith("mysql://");
    assertThat(audit.getList("history.migrations.state"))
        .containsExactly("APPLIED", "PENDING", "FAILED", "PHANTOM");
    assertThat(audit.getList("findings.findAll { !it.code.startsWith('CV') }.name"))
        .contains(
            "FAILED_MIGRATION",
            "PHANTOM_MIGRATION",
            "HISTORIES_DIVERGED",
            "PENDING_MIGRATION",
            "OUT_OF_ORDER_MIGRATION")
        .doesNotContain("DRIFT_NOT_CHECKED");
    assertThat(audit.getString("prismaStatus.output"))
        .contains("Datasource \"db\": MySQL database \"driftwatch_demo\"");
    assertThat(audit.getString("drift.status")).isEqualTo("CHECKED");
    JsonPath plan =
        given()
            .get("/api/v1/environments/demo-mysql/plan")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(plan.getString("failed[0].migration"))
        .isEqualTo("20260115000000_add_landing_sections");
    assertThat(plan.getString("failed[0].error")).contains("1364");
  }

  @Test
  void demo_reproduces_the_incident_and_can_start_over() {
    JsonPath audit = given().post("/api/v1/demo").then().statusCode(201).extract().jsonPath();

    assertThat(audit.getString("environment")).isEqualTo("demo");
    assertThat(audit.getString("outcome")).isEqualTo("DRIFT");
    assertThat(audit.getString("history.state")).isEqualTo("DIVERGED");
    assertThat(audit.getString("history.lastCommonMigration")).isEqualTo("20241210000000_init");
    assertThat(audit.getList("history.migrations.name"))
        .containsExactly(
            "20241210000000_init", "20241226000000_add_leads_questionnaire_models",
            "20260115000000_add_landing_sections", "20251113220938_add_customer_slug");
    assertThat(audit.getList("history.migrations.state"))
        .containsExactly("APPLIED", "PENDING", "FAILED", "PHANTOM");
    assertThat(audit.getList("findings.name"))
        .containsExactly(
            "FAILED_MIGRATION",
            "PHANTOM_MIGRATION",
            "HISTORIES_DIVERGED",
            "PENDING_MIGRATION",
            "OUT_OF_ORDER_MIGRATION");
    assertThat(audit.getInt("prismaStatus.exitCode")).isEqualTo(1);
    // The runbook incident 004's team wrote by hand: the failed seed is idempotent, so roll it back
    // and re-run it.
    JsonPath plan =
        given().get("/api/v1/environments/demo/plan").then().statusCode(200).extract().jsonPath();
    assertThat(plan.getString("failed[0].verdict")).isEqualTo("UNVERIFIABLE");
    assertThat(plan.getBoolean("failed[0].idempotent")).isTrue();
    assertThat(plan.getList("steps.command", String.class))
        .contains(
            "npx prisma migrate resolve --rolled-back 20260115000000_add_landing_sections",
            "npx prisma migrate deploy");
    assertThat(plan.getString("phantoms[0].verdict")).isEqualTo("SCRIPT_UNKNOWN");
    assertThat(plan.getBoolean("data.cleanBaselineRecommended")).isFalse();
    if (Boolean.getBoolean("demo.print-plan")) {
      System.out.println(
          given().accept("text/markdown").get("/api/v1/environments/demo/plan").asString());
    }
    assertThat(audit.getString("prismaStatus.output"))
        .contains("The last common migration is: 20241210000000_init");

    JsonPath again = given().post("/api/v1/demo").then().statusCode(201).extract().jsonPath();
    assertThat(again.getString("id")).isNotEqualTo(audit.getString("id"));
    given()
        .get("/api/v1/environments/demo/audits")
        .then()
        .statusCode(200)
        .body("total", Matchers.equalTo(1));
  }
}
