package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.GitRepo;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The classic incidents, reproduced on real PostgreSQL databases, and what the resolution plan
 * recommends for each: the analysis teams wrote by hand in their runbooks.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class ResolutionPlanTest {

  static final String INIT =
      """
      -- CreateTable
      CREATE TABLE "User" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
      -- CreateIndex
      CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
      """;
  static final String LEADS =
      """
      -- CreateTable
      CREATE TABLE "Lead" ("id" SERIAL NOT NULL, "userId" INTEGER NOT NULL, CONSTRAINT "Lead_pkey" PRIMARY KEY ("id"));
      -- CreateIndex
      CREATE INDEX "Lead_userId_idx" ON "Lead"("userId");
      -- AddForeignKey
      ALTER TABLE "Lead" ADD CONSTRAINT "Lead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
      """;

  private TargetDatabase target;
  private PrismaFolder folder;

  @BeforeEach
  void applied() {
    target = TargetDatabase.create().managedByPrisma().deploy("20240101000000_init", INIT);
    folder = PrismaFolder.create().migration("20240101000000_init", INIT);
  }

  @AfterEach
  void cleanUp() {
    folder.close();
    target.close();
  }

  private static JsonPath plan(String environment) {
    Environments.audit(environment);
    return given()
        .accept(ContentType.JSON)
        .get("/api/v1/environments/" + environment + "/plan")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .extract()
        .jsonPath();
  }

  private void withRows() {
    target
        .sql(
            "INSERT INTO \"User\" (\"email\") SELECT 'u' || g || '@example.com' FROM generate_series(1, 200) g")
        .sql("ANALYZE \"User\"");
  }

  private static List<String> commands(JsonPath plan) {
    return plan.getList("steps.command", String.class);
  }

  @Test
  void a_pending_migration_that_only_creates_new_tables_is_safe_to_deploy() {
    withRows();
    folder.migration("20240102000000_leads", LEADS);
    JsonPath plan = plan(Environments.register(target, folder));

    assertThat(plan.getList("state.pending", String.class)).containsExactly("20240102000000_leads");
    assertThat(plan.getString("migrations[0].safety")).isEqualTo("SAFE");
    assertThat(plan.getList("migrations[0].creates", String.class))
        .contains("table \"public\".\"Lead\"", "index \"public\".\"Lead_userId_idx\"");
    assertThat(plan.getList("preflight.status", String.class)).containsOnly("PASSED");
    assertThat(plan.getString("steps[-1].command")).isEqualTo("npx prisma migrate deploy");
    assertThat(plan.getString("steps[-1].risk")).isEqualTo("LOW");
    assertThat(plan.getList("verification.sql", String.class))
        .anyMatch(sql -> sql.contains("information_schema.tables") && sql.contains("'Lead'"))
        .anyMatch(
            sql -> sql.contains("_prisma_migrations") && sql.contains("'20240102000000_leads'"));
    assertThat(plan.getList("rollback[0].sql", String.class))
        .contains("DROP TABLE \"public\".\"Lead\";");
  }

  @Test
  void a_migration_creating_a_table_that_already_exists_is_predicted_to_fail_with_p3018() {
    target.sql(
        "CREATE TABLE \"Lead\" (\"id\" SERIAL PRIMARY KEY, \"note\" TEXT)"); // by db push, say
    folder.migration("20240102000000_leads", LEADS);
    String environment = Environments.register(target, folder);
    JsonPath plan = plan(environment);

    assertThat(
            Environments.audit(environment)
                .getList("findings.findAll { it.code == 'MS018' }.subject", String.class))
        .containsExactly("table \"public\".\"Lead\"");
    assertThat(plan.getString("migrations[0].safety")).isEqualTo("WILL_FAIL");
    assertThat(plan.getString("migrations[0].predictedFailures[0].object"))
        .isEqualTo("table \"public\".\"Lead\"");
    assertThat(plan.getString("migrations[0].predictedFailures[0].reason"))
        .isEqualTo("already exists");
    assertThat(plan.getInt("migrations[0].predictedFailures[0].line")).isEqualTo(2);
    assertThat(plan.getString("summary")).contains("will fail (P3018)");
    assertThat(plan.getString("preflight.find { it.check == 'against the live catalog' }.status"))
        .isEqualTo("FAILED");
  }

  @Test
  void a_pending_migration_that_fails_on_the_shadow_replica_is_reported_with_the_error() {
    folder.migration(
        "20240102000000_bad", "ALTER TABLE \"User\" ADD COLUMN \"age\" INTEGER;\nSELECT 1/0;\n");
    folder.migration("20240103000000_leads", LEADS);
    String environment = Environments.register(target, folder);
    JsonPath plan = plan(environment);

    assertThat(
            Environments.audit(environment)
                .getList("findings.findAll { it.code == 'MS019' }.migration", String.class))
        .containsExactly("20240102000000_bad");
    assertThat(plan.getString("migrations.find { it.migration == '20240102000000_bad' }.safety"))
        .isEqualTo("WILL_FAIL");
    assertThat(
            plan.getString("migrations.find { it.migration == '20240102000000_bad' }.shadowError"))
        .contains("22012")
        .contains("division by zero");
    assertThat(plan.getString("migrations.find { it.migration == '20240103000000_leads' }.safety"))
        .isEqualTo("SAFE");
    assertThat(plan.getString("preflight.find { it.check.contains('shadow') }.status"))
        .isEqualTo("FAILED");
  }

  @Test
  void a_failed_idempotent_insert_on_conflict_do_nothing_is_rolled_back_and_run_again() {
    String seed =
        "INSERT INTO \"Setting\" (\"key\", \"value\") VALUES ('plan', 'free') ON CONFLICT DO NOTHING;\n"
            + "INSERT INTO \"Setting\" (\"key\", \"value\") VALUES ('seats', '3') ON CONFLICT DO NOTHING;\n";
    folder.migration(
        "20240102000000_settings",
        "CREATE TABLE \"Setting\" (\"key\" TEXT PRIMARY KEY, \"value\" TEXT);\n");
    target.deploy(
        "20240102000000_settings",
        "CREATE TABLE \"Setting\" (\"key\" TEXT PRIMARY KEY, \"value\" TEXT);\n");
    folder.migration("20240103000000_seed", seed);
    target.deployFailed("20240103000000_seed", seed, "canceling statement due to lock timeout");
    JsonPath plan = plan(Environments.register(target, folder));

    assertThat(plan.getList("state.failed", String.class)).containsExactly("20240103000000_seed");
    assertThat(plan.getString("failed[0].verdict")).isEqualTo("UNVERIFIABLE");
    assertThat(plan.getBoolean("failed[0].idempotent")).isTrue();
    assertThat(commands(plan))
        .contains("npx prisma migrate resolve --rolled-back 20240103000000_seed")
        .doesNotContain("npx prisma migrate resolve --applied 20240103000000_seed");
    assertThat(plan.getString("steps.find { it.command.contains('--rolled-back') }.why"))
        .contains("idempotent")
        .contains("safe");
  }

  @Test
  void a_failed_migration_whose_table_was_consolidated_by_hand_is_marked_applied() {
    withRows();
    folder.migration("20240102000000_leads", LEADS);
    target.deployFailed("20240102000000_leads", LEADS, "ERROR: deadlock detected");
    target.sql(LEADS); // an engineer ran the script by hand afterwards
    JsonPath plan = plan(Environments.register(target, folder));

    assertThat(plan.getString("failed[0].verdict")).isEqualTo("END_STATE_REACHED");
    assertThat(plan.getList("failed[0].present", String.class))
        .contains("create table \"public\".\"Lead\"");
    assertThat(plan.getList("failed[0].missing", String.class)).isEmpty();
    assertThat(commands(plan))
        .contains("npx prisma migrate resolve --applied 20240102000000_leads")
        .doesNotContain("npx prisma migrate resolve --rolled-back 20240102000000_leads");
  }

  @Test
  void a_failed_migration_applied_in_part_lists_what_exists_and_the_sql_to_finish_it() {
    withRows(); // an empty database with this much wrong would be offered a clean baseline instead
    folder.migration("20240102000000_leads", LEADS);
    target.deployFailed("20240102000000_leads", LEADS, "ERROR: deadlock detected");
    target.sql(
        "CREATE TABLE \"Lead\" (\"id\" SERIAL NOT NULL, \"userId\" INTEGER NOT NULL, "
            + "CONSTRAINT \"Lead_pkey\" PRIMARY KEY (\"id\"))");
    JsonPath plan = plan(Environments.register(target, folder));

    assertThat(plan.getString("failed[0].verdict")).isEqualTo("PARTLY_APPLIED");
    assertThat(plan.getList("failed[0].missing", String.class))
        .contains(
            "create index \"public\".\"Lead_userId_idx\"",
            "create constraint \"public\".\"Lead\".\"Lead_userId_fkey\"");
    assertThat(String.join("\n", plan.getList("failed[0].finishSql", String.class)))
        .contains("CREATE INDEX \"Lead_userId_idx\"")
        .contains("ADD CONSTRAINT \"Lead_userId_fkey\"")
        .doesNotContain("CREATE TABLE");
    assertThat(commands(plan))
        .contains("npx prisma migrate resolve --applied 20240102000000_leads");
  }

  @Test
  void an_empty_database_with_a_badly_broken_history_is_offered_a_clean_baseline() {
    folder.migration("20240102000000_leads", LEADS);
    target.deployFailed("20240102000000_leads", LEADS, "ERROR: deadlock detected");
    target.row("20231201000000_hotfix_by_hand", "0".repeat(64), true); // a phantom git never had
    target.sql("ALTER TABLE \"User\" ADD COLUMN \"nickname\" TEXT"); // drift
    JsonPath plan = plan(Environments.register(target, folder));

    assertThat(plan.getString("data.holdsData")).isEqualTo("no");
    assertThat(plan.getBoolean("data.cleanBaselineRecommended")).isTrue();
    assertThat(commands(plan))
        .anyMatch(command -> command.contains("migrate diff --from-empty"))
        .contains("npx prisma migrate reset --force --skip-seed");
    assertThat(plan.getString("summary")).contains("clean baseline");
  }

  @Test
  void a_database_with_data_gets_no_destructive_advice_even_with_a_badly_broken_history() {
    withRows();
    folder.migration("20240102000000_leads", LEADS);
    target.deployFailed("20240102000000_leads", LEADS, "ERROR: deadlock detected");
    target.row("20231201000000_hotfix_by_hand", "0".repeat(64), true);
    target.sql("ALTER TABLE \"User\" ADD COLUMN \"nickname\" TEXT");
    JsonPath plan = plan(Environments.register(target, folder));

    assertThat(plan.getString("data.holdsData")).isEqualTo("yes");
    assertThat(plan.getBoolean("data.cleanBaselineRecommended")).isFalse();
    assertThat(plan.getString("data.reason")).contains("holds data").contains("public.User");
    assertThat(commands(plan))
        .isNotEmpty()
        .noneMatch(
            command ->
                command.contains("reset")
                    || command.toUpperCase().contains("DROP ")
                    || command.toUpperCase().contains("TRUNCATE")
                    || command.toUpperCase().contains("DELETE "));
    assertThat(commands(plan))
        .contains("npx prisma migrate resolve --rolled-back 20240102000000_leads");
  }

  @Test
  void
      rows_the_estimates_do_not_show_yet_are_found_by_the_exact_check_before_any_baseline_advice() {
    target
        .sql("ANALYZE \"User\"") // the estimate says 0 rows, and stays so: one row is below
        // autovacuum's threshold
        .sql("INSERT INTO \"User\" (\"email\") VALUES ('ada@example.com')");
    folder.migration("20240102000000_leads", LEADS);
    target.deployFailed("20240102000000_leads", LEADS, "ERROR: deadlock detected");
    target.row("20231201000000_hotfix_by_hand", "0".repeat(64), true);
    target.sql("ALTER TABLE \"User\" ADD COLUMN \"nickname\" TEXT");
    JsonPath plan = plan(Environments.register(target, folder));

    assertThat(plan.getString("data.holdsData")).isEqualTo("yes");
    assertThat(plan.getList("data.tablesWithRows", String.class)).containsExactly("public.User");
    assertThat(plan.getBoolean("data.cleanBaselineRecommended")).isFalse();
    assertThat(commands(plan)).noneMatch(command -> command.contains("reset"));
  }

  @Test
  void the_plan_reads_as_markdown_too() {
    folder.migration("20240102000000_leads", LEADS);
    String environment = Environments.register(target, folder);
    Environments.audit(environment);
    String markdown =
        given()
            .accept("text/markdown")
            .get("/api/v1/environments/" + environment + "/plan")
            .then()
            .statusCode(200)
            .contentType("text/markdown")
            .extract()
            .asString();

    assertThat(markdown)
        .startsWith("# Resolution plan: " + environment)
        .contains(
            "## Current state",
            "## Pre-flight checks",
            "## Steps",
            "npx prisma migrate deploy",
            "## After deploying: verify",
            "## Rollback",
            "DROP TABLE \"public\".\"Lead\";");
  }

  @Test
  void an_environment_never_audited_has_no_plan() {
    String environment = Environments.register(target, folder);
    given()
        .get("/api/v1/environments/" + environment + "/plan")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  /** Phantoms need git: the script a commit deleted tells whether they still matter. */
  @Test
  void
      a_phantom_that_only_re_adds_an_existing_column_is_redundant_and_one_that_adds_more_is_restored() {
    String slugColumn = "ALTER TABLE \"User\" ADD COLUMN \"slug\" TEXT;\n";
    String redundant = "ALTER TABLE \"User\" ADD COLUMN IF NOT EXISTS \"slug\" TEXT;\n";
    String more = "ALTER TABLE \"User\" ADD COLUMN \"bio\" TEXT;\n";
    withRows();
    try (GitRepo repo = GitRepo.create()) {
      repo.write("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n")
          .write("prisma/migrations/20240101000000_init/migration.sql", INIT)
          .write("prisma/migrations/20240102000000_slug/migration.sql", slugColumn)
          .write("prisma/migrations/20240103000000_slug_again/migration.sql", redundant)
          .write("prisma/migrations/20240104000000_bio/migration.sql", more)
          .commit("Migrations", "Ada", Instant.parse("2024-01-04T12:00:00Z"));
      var deletion =
          repo.delete("prisma/migrations/20240103000000_slug_again")
              .delete("prisma/migrations/20240104000000_bio")
              .commit("Remove two migrations", "Ben", Instant.parse("2024-01-05T12:00:00Z"));
      target
          .deploy("20240102000000_slug", slugColumn)
          .deploy("20240103000000_slug_again", redundant)
          .deploy("20240104000000_bio", more);
      String name = "git-" + UUID.randomUUID().toString().substring(0, 8);
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
                  Map.of("type", "git", "url", repo.url(), "ref", "main", "path", "prisma")))
          .post("/api/v1/environments")
          .then()
          .statusCode(201);
      JsonPath plan = plan(name);

      assertThat(
              plan.getString(
                  "phantoms.find { it.migration == '20240103000000_slug_again' }.verdict"))
          .isEqualTo("REDUNDANT");
      assertThat(plan.getString("phantoms.find { it.migration == '20240104000000_bio' }.verdict"))
          .isEqualTo("RESTORE");
      assertThat(
              plan.getList(
                  "phantoms.find { it.migration == '20240104000000_bio' }.notInOtherMigrations",
                  String.class))
          .containsExactly("create column \"public\".\"User\".\"bio\"");
      assertThat(commands(plan))
          .contains(
              "git checkout "
                  + deletion.getName()
                  + "^ -- "
                  + "prisma/migrations/20240104000000_bio");
      assertThat(
              plan.getString("steps.find { it.title.contains('20240103000000_slug_again') }.why"))
          .contains("redundant");
    }
  }
}
