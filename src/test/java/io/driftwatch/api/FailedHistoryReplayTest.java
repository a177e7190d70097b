package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behind a failed migration the pending ones are still checked: the shadow replay runs the failed
 * migration again as the plan resolves it (`migrate resolve --rolled-back`, then deploy), records
 * its failure if it fails again, and goes on with the deploy queue. Real PostgreSQL on both sides.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class FailedHistoryReplayTest {

  static final String INIT = "CREATE TABLE \"A\"(\"id\" INT PRIMARY KEY);\n";
  static final String EXTENSION = "CREATE EXTENSION \"no_such_extension\";\n";
  static final String SYNTAX_ERROR =
      "ALTER TABLE \"A\" ADD COLUMN \"b\" INT NOT NULL DEFAULT 0 \"c\";\n";
  static final String TABLE_B = "CREATE TABLE \"B\"(\"id\" INT PRIMARY KEY);\n";
  static final String SCHEMA =
      """
      datasource db {
        provider = "postgresql"
        url      = env("DATABASE_URL")
      }
      model A {
        id Int @id
      }
      model B {
        id Int @id
      }
      """;

  private TargetDatabase target;
  private PrismaFolder folder;

  @BeforeEach
  void history() throws Exception {
    target = TargetDatabase.create().managedByPrisma().deploy("01_init", INIT);
    folder = PrismaFolder.create().migration("01_init", INIT);
    Files.writeString(folder.root().resolve("schema.prisma"), SCHEMA);
  }

  @AfterEach
  void cleanUp() {
    folder.close();
    target.close();
  }

  private static JsonPath plan(String environment) {
    return given()
        .accept(ContentType.JSON)
        .get("/api/v1/environments/" + environment + "/plan")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .extract()
        .jsonPath();
  }

  @Test
  void
      a_pending_migration_behind_a_failed_one_is_found_to_fail_and_what_the_others_create_is_covered() {
    folder
        .migration("02_extension", EXTENSION)
        .migration("03_bad", SYNTAX_ERROR)
        .migration("04_b", TABLE_B);
    target.deployFailed(
        "02_extension", EXTENSION, "ERROR: extension \"no_such_extension\" is not available");
    String environment = Environments.register(target, folder);
    JsonPath audit = Environments.audit(environment);

    assertThat(audit.getList("findings.findAll { it.code == 'MS019' }.migration", String.class))
        .containsExactly("03_bad");
    assertThat(audit.getString("findings.find { it.code == 'MS019' }.message"))
        .contains("42601")
        .contains("assuming `02_extension`")
        .contains("--rolled-back");
    assertThat(audit.getString("coverage.items.find { it.prismaName == 'B' }.status"))
        .isNotEqualTo("MISSING");
    assertThat(audit.getList("findings.code", String.class)).doesNotContain("CV001");
    JsonPath plan = plan(environment);
    assertThat(plan.getString("preflight.find { it.check.contains('shadow') }.status"))
        .isEqualTo("FAILED");
    assertThat(plan.getList("steps.command", String.class))
        .noneMatch(command -> command != null && command.contains("dev --create-only"));
  }

  @Test
  void
      a_failed_migration_that_fails_again_on_the_shadow_replica_is_reported_and_the_queue_still_checked() {
    String bad =
        "CREATE TABLE \"C\"(\"id\" INT PRIMARY KEY, \"a\" INT REFERENCES \"Nope\"(\"id\"));\n";
    folder.migration("02_bad_reference", bad).migration("03_b", TABLE_B);
    target.deployFailed("02_bad_reference", bad, "ERROR: relation \"Nope\" does not exist");
    String environment = Environments.register(target, folder);
    JsonPath audit = Environments.audit(environment);

    assertThat(audit.getList("findings.findAll { it.code == 'MS021' }.migration", String.class))
        .containsExactly("02_bad_reference");
    assertThat(audit.getString("findings.find { it.code == 'MS021' }.message"))
        .contains("42P01")
        .contains("Nope");
    assertThat(audit.getList("findings.code", String.class)).doesNotContain("MS019", "CV001");
    assertThat(
            plan(environment)
                .getString(
                    "steps.find { it.title == 'Remove the cause of the failure of "
                        + "02_bad_reference' }.why"))
        .contains("fails again")
        .contains("Nope");
  }

  @Test
  void a_failed_migration_is_linted_before_anyone_runs_it_again() {
    String mixed =
        "CREATE TABLE \"C\"(\"id\" INT PRIMARY KEY);\nCREATE INDEX CONCURRENTLY \"A_id_idx\" ON \"A\"(\"id\");\n";
    folder.migration("02_mixed", mixed);
    target.deployFailed(
        "02_mixed",
        mixed,
        "ERROR: CREATE INDEX CONCURRENTLY cannot run inside a transaction block");
    String environment = Environments.register(target, folder);
    JsonPath audit = Environments.audit(environment);

    assertThat(audit.getList("findings.findAll { it.code == 'MS007' }.migration", String.class))
        .containsExactly("02_mixed");
    List<String> titles = plan(environment).getList("steps.title", String.class);
    assertThat(titles).contains("Remove the cause of the failure of 02_mixed");
    assertThat(titles.indexOf("Remove the cause of the failure of 02_mixed"))
        .isLessThan(titles.indexOf("Mark 02_mixed as rolled back"));
    assertThat(
            plan(environment)
                .getString(
                    "steps.find { it.title == 'Remove the cause of the failure of "
                        + "02_mixed' }.why"))
        .contains("MS007");
  }
}
