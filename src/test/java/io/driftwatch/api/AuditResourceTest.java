package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.driftwatch.testing.Checksums;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.driftwatch.testing.TestPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Audits through REST against real PostgreSQL targets whose history rows are written exactly as
 * Prisma writes them.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class AuditResourceTest {

  private static final String INIT = "20241210000000_init";
  private static final String INIT_SQL =
      "-- CreateTable\nCREATE TABLE \"customers\" (\"id\" TEXT NOT NULL, \"slug\" TEXT NOT NULL);\n";
  private static final String LEADS = "20241226000000_add_leads";
  private static final String LEADS_SQL =
      "-- CreateTable\nCREATE TABLE \"leads\" (\"id\" TEXT NOT NULL);\n";
  private static final String LANDING = "20260115000000_add_landing_sections";
  private static final String LANDING_SQL =
      "INSERT INTO \"customers\" VALUES ('1', 'a') ON CONFLICT DO NOTHING;\n";

  private TargetDatabase target;
  private PrismaFolder folder;

  /** Created here, not in field initialisers: a @QuarkusTest class is instantiated twice. */
  @BeforeEach
  void createTargetAndFolder() {
    target = TargetDatabase.create().managedByPrisma();
    folder = PrismaFolder.create();
  }

  @AfterEach
  void cleanUp() {
    target.close();
    folder.close();
  }

  /**
   * The history findings (HI, DH): these tests are about the history; SchemaDriftTest covers the
   * schema.
   */
  private static List<String> findingNames(JsonPath audit) {
    return audit.getList(
        "findings.findAll { it.code.startsWith('HI') || it.code.startsWith('DH') }.name");
  }

  /**
   * The schema findings (SD, CV) but CV005: the folder's schema.prisma here declares no model, its
   * coverage unknown.
   */
  private static List<String> schemaFindingNames(JsonPath audit) {
    return audit.getList(
        "findings.findAll { (it.code.startsWith('SD') || it.code.startsWith('CV')) && it.code != 'CV005' }.name");
  }

  private static String stateOf(JsonPath audit, String migration) {
    return audit.getString("history.migrations.find { it.name == '" + migration + "' }.state");
  }

  @Test
  void clean_history_is_clean_and_prisma_is_up_to_date() {
    folder.migration(INIT, INIT_SQL).migration(LEADS, LEADS_SQL);
    target.deploy(INIT, INIT_SQL).deploy(LEADS, LEADS_SQL);
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("outcome")).isEqualTo("CLEAN");
    assertThat(audit.getString("history.state")).isEqualTo("IN_SYNC");
    assertThat(audit.getString("history.lastCommonMigration")).isEqualTo(LEADS);
    assertThat(audit.getList("history.migrations.state")).containsExactly("APPLIED", "APPLIED");
    assertThat(audit.getList("history.migrations.checksumMatches")).containsExactly(true, true);
    assertThat(audit.getList("history.migrations.appliedBy")).containsExactly("DEPLOY", "DEPLOY");
    assertThat(audit.getInt("prismaStatus.exitCode")).isZero();
    assertThat(audit.getString("prismaStatus.output")).contains("Database schema is up to date!");
    assertThat(findingNames(audit)).isEmpty();
    assertThat(audit.getString("error")).isNull();
  }

  @Test
  void pending_migration() {
    folder.migration(INIT, INIT_SQL).migration(LEADS, LEADS_SQL);
    target.deploy(INIT, INIT_SQL);
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("outcome")).isEqualTo("DRIFT");
    assertThat(audit.getString("history.state")).isEqualTo("DATABASE_BEHIND");
    assertThat(stateOf(audit, LEADS)).isEqualTo("PENDING");
    assertThat(findingNames(audit)).containsExactly("PENDING_MIGRATION");
    assertThat(audit.getString("findings[0].help")).contains("npx prisma migrate deploy");
    assertThat(audit.getInt("prismaStatus.exitCode")).isEqualTo(1);
  }

  @Test
  void phantom_migration_where_prisma_says_up_to_date() {
    folder.migration(INIT, INIT_SQL);
    target.deploy(INIT, INIT_SQL).deploy("20251113220938_add_customer_slug", "SELECT 1;");
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("history.state")).isEqualTo("FOLDER_BEHIND");
    assertThat(stateOf(audit, "20251113220938_add_customer_slug")).isEqualTo("PHANTOM");
    assertThat(findingNames(audit)).containsExactly("PHANTOM_MIGRATION");
    assertThat(audit.getString("findings[0].code")).isEqualTo("HI002");
    assertThat(audit.getString("findings[0].severity")).isEqualTo("ERROR");
    assertThat(audit.getInt("prismaStatus.exitCode")).isZero();
    assertThat(audit.getString("prismaStatus.output")).contains("Database schema is up to date!");
  }

  @Test
  void failed_migration_blocks_deploy() {
    folder.migration(INIT, INIT_SQL).migration(LANDING, LANDING_SQL);
    target
        .deploy(INIT, INIT_SQL)
        .deployFailed(
            LANDING, LANDING_SQL, "ERROR: relation \"landing_page_content\" does not exist");
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(stateOf(audit, LANDING)).isEqualTo("FAILED");
    assertThat(findingNames(audit)).containsExactly("FAILED_MIGRATION");
    assertThat(audit.getString("findings[0].severity")).isEqualTo("CRITICAL");
    assertThat(audit.getString("findings[0].message"))
        .contains("P3009")
        .contains("landing_page_content");
    assertThat(audit.getString("findings[0].help"))
        .contains("npx prisma migrate resolve --rolled-back \"" + LANDING + "\"")
        .contains("npx prisma migrate resolve --applied \"" + LANDING + "\"");
    assertThat(audit.getString("prismaStatus.output"))
        .contains("Following migration have failed:\n" + LANDING);
    assertThat(
            audit.getString(
                "history.migrations.find { it.name == '" + LANDING + "' }.rows[0].logs"))
        .contains("does not exist");
  }

  @Test
  void edited_migration_prisma_stays_silent() {
    folder.migration(INIT, INIT_SQL.replace("TEXT NOT NULL)", "TEXT)"));
    target.deploy(INIT, INIT_SQL);
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("history.migrations[0].state")).isEqualTo("APPLIED");
    assertThat(audit.getBoolean("history.migrations[0].checksumMatches")).isFalse();
    assertThat(findingNames(audit)).containsExactly("EDITED_MIGRATION");
    // The edited script builds another schema than the one that ran: the replay sees it.
    assertThat(schemaFindingNames(audit)).containsExactly("CHANGED_COLUMN");
    assertThat(audit.getInt("prismaStatus.exitCode")).isZero();
  }

  @Test
  void rolled_back_then_reapplied_is_applied_and_prisma_false_alarm_is_explained() {
    String broken = "CREATE TABLE \"leads\" (\"id\" TEXT NOT NULL, \"x\" BROKEN);\n";
    folder.migration(INIT, INIT_SQL).migration(LEADS, LEADS_SQL);
    target
        .deploy(INIT, INIT_SQL)
        .deployFailed(LEADS, broken, "ERROR: type \"broken\" does not exist")
        .resolveRolledBack(LEADS)
        .deploy(LEADS, LEADS_SQL);
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(stateOf(audit, LEADS)).isEqualTo("APPLIED");
    assertThat(audit.getList("history.migrations.find { it.name == '" + LEADS + "' }.rows.state"))
        .containsExactly("ROLLED_BACK", "FINISHED");
    assertThat(findingNames(audit)).containsExactly("MISLEADING_PRISMA_EDIT");
    assertThat(audit.getString("outcome")).isEqualTo("CLEAN");
  }

  @Test
  void rolled_back_and_not_reapplied() {
    folder.migration(INIT, INIT_SQL).migration(LEADS, LEADS_SQL);
    target.deploy(INIT, INIT_SQL).deployFailed(LEADS, LEADS_SQL, "boom").resolveRolledBack(LEADS);
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(stateOf(audit, LEADS)).isEqualTo("ROLLED_BACK");
    assertThat(audit.getString("history.state")).isEqualTo("DATABASE_BEHIND");
    assertThat(findingNames(audit)).containsExactly("ROLLED_BACK_MIGRATION");
    assertThat(audit.getString("prismaStatus.output")).contains("Database schema is up to date!");
  }

  @Test
  void marked_applied_with_resolve() {
    folder.migration("0_init", INIT_SQL);
    target.resolveApplied("0_init", INIT_SQL);
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("history.migrations[0].appliedBy")).isEqualTo("RESOLVE_APPLIED");
    assertThat(findingNames(audit)).containsExactly("MARKED_APPLIED_WITHOUT_RUNNING");
    assertThat(
            audit.getString(
                "findings.find { it.name == 'MARKED_APPLIED_WITHOUT_RUNNING' }.severity"))
        .isEqualTo("INFO");
    // resolve --applied ran nothing: the tables the script creates are missing, and drift says so.
    assertThat(schemaFindingNames(audit)).contains("MISSING_TABLE");
    assertThat(audit.getString("outcome")).isEqualTo("DRIFT");
  }

  @Test
  void diverged_histories_name_the_last_common_migration() {
    folder.migration(INIT, INIT_SQL).migration(LEADS, LEADS_SQL);
    target.deploy(INIT, INIT_SQL).deploy("20251113220938_add_customer_slug", "SELECT 1;");
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("history.state")).isEqualTo("DIVERGED");
    assertThat(audit.getString("history.lastCommonMigration")).isEqualTo(INIT);
    assertThat(findingNames(audit))
        .containsExactly(
            "PHANTOM_MIGRATION",
            "HISTORIES_DIVERGED",
            "PENDING_MIGRATION",
            "OUT_OF_ORDER_MIGRATION");
    assertThat(audit.getString("prismaStatus.output"))
        .contains("The last common migration is: " + INIT);
  }

  @Test
  void empty_directory_without_script() {
    folder.migration(INIT, INIT_SQL).emptyDirectory("20250101000000_empty");
    target.deploy(INIT, INIT_SQL);
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(findingNames(audit)).contains("MISSING_MIGRATION_SCRIPT", "PENDING_MIGRATION");
    assertThat(audit.getString("findings.find { it.name == 'MISSING_MIGRATION_SCRIPT' }.message"))
        .contains("P3015");
    assertThat(
            audit.getString(
                "history.migrations.find { it.name == '20250101000000_empty' }.checksum"))
        .isNull();
  }

  @Test
  void crlf_checkout_matches_lf_row() {
    folder.migration(INIT, INIT_SQL.replace("\n", "\r\n"));
    target.deploy(INIT, INIT_SQL);
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getBoolean("history.migrations[0].checksumMatches")).isTrue();
    assertThat(audit.getString("outcome")).isEqualTo("CLEAN");
  }

  @Test
  void legacy_unpadded_checksum_row_matches() {
    folder.migration(INIT, "SELECT 1;\n");
    target.row(INIT, "b4e049784e46eabb8c31975b62152d551bac49c3c2e80932567b485dcd", true);
    JsonPath audit = Environments.audit(Environments.register(target, folder));
    assertThat(audit.getBoolean("history.migrations[0].checksumMatches")).isTrue();
  }

  @Test
  void not_managed_database_needs_a_baseline() {
    try (TargetDatabase unmanaged =
        TargetDatabase.create().sql("CREATE TABLE \"customers\" (id int)")) {
      folder.migration(INIT, INIT_SQL);
      JsonPath audit = Environments.audit(Environments.register(unmanaged, folder));
      assertThat(audit.getString("history.state")).isEqualTo("NOT_MANAGED");
      assertThat(audit.getBoolean("target.historyTable")).isFalse();
      assertThat(findingNames(audit)).containsExactly("NOT_MANAGED");
      assertThat(audit.getString("findings[0].help"))
          .contains("npx prisma migrate resolve --applied 0_init");
    }
  }

  @Test
  void unreachable_database_is_an_error_audit_not_a_500() {
    folder.migration(INIT, INIT_SQL);
    JsonPath audit =
        Environments.audit(Environments.register("postgresql://nobody:pw@127.0.0.1:1/app", folder));

    assertThat(audit.getString("outcome")).isEqualTo("ERROR");
    assertThat(audit.getString("error.stage")).isEqualTo("DATABASE");
    assertThat(audit.getString("error.message"))
        .contains("127.0.0.1:1/app")
        .contains("cannot connect");
    assertThat(audit.getString("error.message")).doesNotContain(":pw");
    assertThat(audit.getString("history")).isNull();
    assertThat(audit.getInt("source.migrations")).isEqualTo(1);
  }

  @Test
  void missing_database_is_an_error_audit_naming_it() {
    folder.migration(INIT, INIT_SQL);
    TestPostgres.Server server = TestPostgres.server();
    JsonPath audit =
        Environments.audit(
            Environments.register(server.prismaUrl("dw_no_such_db", "public"), folder));
    assertThat(audit.getString("outcome")).isEqualTo("ERROR");
    assertThat(audit.getString("error.message"))
        .contains("database `dw_no_such_db` does not exist");
  }

  @Test
  void rejected_login_is_an_error_audit_naming_the_user_not_the_password() {
    folder.migration(INIT, INIT_SQL);
    TestPostgres.Server server = TestPostgres.server();
    String url =
        "postgresql://no_such_role:hunter2@"
            + server.host()
            + ":"
            + server.port()
            + "/"
            + target.name();
    JsonPath audit = Environments.audit(Environments.register(url, folder));
    assertThat(audit.getString("outcome")).isEqualTo("ERROR");
    assertThat(audit.getString("error.message"))
        .contains("authentication failed for user `no_such_role`")
        .doesNotContain("hunter2");
  }

  @Test
  void folder_removed_after_registration_is_an_error_audit() {
    folder.migration(INIT, INIT_SQL);
    target.deploy(INIT, INIT_SQL);
    String environment = Environments.register(target, folder);
    folder.close();
    JsonPath audit = Environments.audit(environment);
    assertThat(audit.getString("outcome")).isEqualTo("ERROR");
    assertThat(audit.getString("error.stage")).isEqualTo("SOURCE");
    assertThat(audit.getString("error.message")).contains("does not exist");
  }

  @Test
  void deploy_in_progress_is_not_a_failure() throws Exception {
    folder.migration(INIT, INIT_SQL).migration(LEADS, LEADS_SQL);
    target.deploy(INIT, INIT_SQL).deployFailed(LEADS, LEADS_SQL, null);
    try (Connection deploy = TestPostgres.server().connect(target.name());
        Statement statement = deploy.createStatement()) {
      statement.execute("SELECT pg_advisory_lock(72707369)");
      JsonPath audit = Environments.audit(Environments.register(target, folder));
      assertThat(stateOf(audit, LEADS)).isEqualTo("APPLYING");
      assertThat(audit.getBoolean("target.deployInProgress")).isTrue();
      assertThat(findingNames(audit))
          .containsExactly("DEPLOY_IN_PROGRESS")
          .doesNotContain("FAILED_MIGRATION");
    }
  }

  @Test
  void schema_from_the_url_is_audited() {
    try (TargetDatabase billing = TargetDatabase.create("Billing").managedByPrisma()) {
      folder.migration(INIT, INIT_SQL);
      billing.deploy(INIT, INIT_SQL);
      JsonPath audit = Environments.audit(Environments.register(billing, folder));
      assertThat(audit.getString("target.schema")).isEqualTo("Billing");
      assertThat(audit.getString("outcome")).isEqualTo("CLEAN");
      assertThat(audit.getString("prismaStatus.output")).contains("schema \"Billing\"");
    }
  }

  @Test
  void provider_mismatch_and_invalid_encoding_are_reported() {
    folder
        .lockProvider("mysql")
        .migrationBytes(
            INIT, "INSERT INTO t VALUES ('café');\n".getBytes(StandardCharsets.ISO_8859_1));
    target.row(INIT, Checksums.of("INSERT INTO t VALUES ('caf\uFFFD');\n"), true);
    JsonPath audit = Environments.audit(Environments.register(target, folder));
    assertThat(findingNames(audit)).containsExactly("PROVIDER_MISMATCH", "INVALID_SCRIPT_ENCODING");
    assertThat(schemaFindingNames(audit)).containsExactly("MIGRATION_REPLAY_FAILED");
    assertThat(audit.getBoolean("history.migrations[0].checksumMatches")).isTrue();
    assertThat(audit.getString("prismaStatus.output")).contains("P3019");
  }

  @Test
  void audits_are_stored_paged_and_summarised() {
    folder.migration(INIT, INIT_SQL).migration(LEADS, LEADS_SQL);
    target.deploy(INIT, INIT_SQL);
    String environment = Environments.register(target, folder);
    String first = Environments.audit(environment).getString("id");
    JsonPath second = Environments.audit(environment);

    given().get("/api/v1/audits/" + first).then().statusCode(200).body("id", equalTo(first));
    JsonPath page =
        given()
            .queryParam("size", 1)
            .get("/api/v1/environments/" + environment + "/audits")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(page.getLong("total")).isEqualTo(2);
    assertThat(page.getList("items.auditId")).containsExactly(second.getString("id"));
    assertThat(
            given()
                .queryParam("page", 1)
                .queryParam("size", 1)
                .get("/api/v1/environments/" + environment + "/audits")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.auditId"))
        .containsExactly(first);

    JsonPath status =
        given()
            .get("/api/v1/environments/" + environment + "/status")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(status.getString("auditId")).isEqualTo(second.getString("id"));
    assertThat(status.getString("historyState")).isEqualTo("DATABASE_BEHIND");
    assertThat(status.getMap("migrations")).containsEntry("APPLIED", 1).containsEntry("PENDING", 1);
    assertThat(status.<String, Integer>getMap("findings"))
        .containsAllEntriesOf(Map.of("WARNING", 1, "CRITICAL", 0));
    assertThat(status.getInt("prismaExitCode")).isEqualTo(1);
  }

  @Test
  void location_header_points_at_the_stored_audit() {
    folder.migration(INIT, INIT_SQL);
    target.deploy(INIT, INIT_SQL);
    String environment = Environments.register(target, folder);
    String location =
        given()
            .post("/api/v1/environments/" + environment + "/audits")
            .then()
            .statusCode(201)
            .extract()
            .header("Location");
    given().get(location).then().statusCode(200).body("environment", equalTo(environment));
  }

  @Test
  void status_before_any_audit_and_unknown_audit_are_404() {
    String environment = Environments.register(target, folder);
    given()
        .get("/api/v1/environments/" + environment + "/status")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("has not been audited yet"));
    given()
        .get("/api/v1/audits/00000000-0000-0000-0000-000000000000")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .get("/api/v1/audits/not-a-uuid")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .post("/api/v1/environments/no-such-env/audits")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .queryParam("size", 1000)
        .get("/api/v1/environments/" + environment + "/audits")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("size"));
  }

  @Test
  void a_second_audit_while_one_runs_is_409() throws Exception {
    folder.migration(INIT, INIT_SQL);
    target.deploy(INIT, INIT_SQL);
    String environment = Environments.register(target, folder);
    TestPostgres.Server server = TestPostgres.server();
    try (Connection store = server.connect(StoreDatabase.current());
        Statement statement = store.createStatement()) {
      statement.execute(
          "INSERT INTO audit_lease SELECT id, gen_random_uuid(), now() + interval '1 minute' "
              + "FROM environment WHERE name = '"
              + environment
              + "'");
      String retryAfter =
          given()
              .post("/api/v1/environments/" + environment + "/audits")
              .then()
              .statusCode(409)
              .contentType("application/problem+json")
              .body("detail", containsString("already running"))
              .extract()
              .header("Retry-After");
      assertThat(Integer.parseInt(retryAfter))
          .as("the seconds left on the lease")
          .isBetween(50, 60);
      statement.execute("UPDATE audit_lease SET expires_at = now() - interval '1 second'");
    }
    assertThat(Environments.audit(environment).getString("outcome")).isEqualTo("CLEAN");
  }
}
