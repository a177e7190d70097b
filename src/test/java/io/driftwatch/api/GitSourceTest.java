package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.driftwatch.testing.GitRepo;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Audits against real git repositories (built with JGit, read through file:// URLs) and real
 * PostgreSQL targets: each explanation must name the right commit or branch.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class GitSourceTest {

  private static final String DIR = "packages/db/prisma";
  private static final String MIGRATIONS = DIR + "/migrations/";
  private static final String INIT = "20241210000000_init";
  private static final String INIT_SQL = "CREATE TABLE \"customers\" (\"id\" TEXT NOT NULL);\n";
  private static final String SLUG = "20251113220938_add_customer_slug";
  private static final String SLUG_SQL = "ALTER TABLE \"customers\" ADD COLUMN \"slug\" TEXT;\n";
  private static final String LEADS = "20251226000000_add_leads";
  private static final String LEADS_SQL = "CREATE TABLE \"leads\" (\"id\" TEXT NOT NULL);\n";

  private TargetDatabase target;
  private GitRepo repo;

  @BeforeEach
  void create() {
    target = TargetDatabase.create().managedByPrisma();
    repo =
        GitRepo.create()
            .write(MIGRATIONS + "migration_lock.toml", "provider = \"postgresql\"\n")
            .write(DIR + "/schema.prisma", "datasource db {\n  provider = \"postgresql\"\n}\n")
            .write(MIGRATIONS + INIT + "/migration.sql", INIT_SQL);
  }

  @AfterEach
  void cleanUp() {
    target.close();
    repo.close();
  }

  private static Instant at(String date) {
    return Instant.parse(date + "T12:00:00Z");
  }

  private String register(String ref) {
    return register(ref, DIR);
  }

  private String register(String ref, String path) {
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
                Map.of("type", "git", "url", repo.url(), "ref", ref, "path", path)))
        .post("/api/v1/environments")
        .then()
        .statusCode(201)
        .body("source.type", equalTo("git"))
        .body("source.ref", equalTo(ref))
        .body("source.hasCredentials", equalTo(false));
    return name;
  }

  private static JsonPath finding(JsonPath audit, String name) {
    return new JsonPath(audit.prettify())
        .setRootPath("findings.find { it.name == '" + name + "' }");
  }

  @Test
  void clean_audit_records_the_commit() {
    RevCommit head = repo.commit("Initial schema", "Ada", at("2024-12-10"));
    target.deploy(INIT, INIT_SQL);
    JsonPath audit = Environments.audit(register("main"));

    assertThat(audit.getString("outcome")).isEqualTo("CLEAN");
    assertThat(audit.getString("source.type")).isEqualTo("git");
    assertThat(audit.getString("source.commit.sha")).isEqualTo(head.getName());
    assertThat(audit.getString("source.commit.subject")).isEqualTo("Initial schema");
    assertThat(audit.getString("source.commit.author")).isEqualTo("Ada");
    assertThat(audit.getString("source.commit.date")).isEqualTo("2024-12-10T12:00:00Z");
    assertThat(audit.getString("source.location"))
        .contains(MIGRATIONS.substring(0, MIGRATIONS.length() - 1));
    assertThat(audit.getString("source.lockProvider")).isEqualTo("postgresql");
  }

  @Test
  void phantom_deleted_by_a_commit_names_it() {
    repo.commit("Initial schema", "Ada", at("2024-12-10"));
    repo.write(MIGRATIONS + SLUG + "/migration.sql", SLUG_SQL)
        .commit("Add slug", "Ben", at("2025-11-13"));
    RevCommit deletion =
        repo.delete(MIGRATIONS + SLUG).commit("Remove broken migration", "Cy", at("2025-11-20"));
    target.deploy(INIT, INIT_SQL).deploy(SLUG, SLUG_SQL);
    JsonPath audit = Environments.audit(register("main"));

    JsonPath phantom = finding(audit, "PHANTOM_MIGRATION");
    assertThat(phantom.getString("evidence.kind")).isEqualTo("DELETED");
    assertThat(phantom.getString("evidence.commits[0].commit.sha")).isEqualTo(deletion.getName());
    assertThat(phantom.getString("evidence.commits[0].commit.author")).isEqualTo("Cy");
    assertThat(phantom.getString("evidence.commits[0].commit.subject"))
        .isEqualTo("Remove broken migration");
    assertThat(phantom.getString("evidence.location")).isEqualTo(MIGRATIONS + SLUG);
    assertThat(phantom.getString("message"))
        .contains(deletion.getName().substring(0, 12))
        .contains("deleted it");
    assertThat(phantom.getString("help"))
        .contains(
            "git checkout " + deletion.getName().substring(0, 12) + "^ -- " + MIGRATIONS + SLUG);
    assertThat(audit.getBoolean("source.historyExplained")).isTrue();
    // The evidence knows the deleted script, but reports never carry it: neither served nor stored.
    assertThat(phantom.getMap("evidence")).doesNotContainKey("script");
    JsonPath stored =
        given()
            .get("/api/v1/audits/" + audit.getString("id"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JsonPath storedPhantom = finding(stored, "PHANTOM_MIGRATION");
    assertThat(storedPhantom.getString("evidence.kind")).isEqualTo("DELETED");
    assertThat(storedPhantom.getString("evidence.commits[0].commit.sha"))
        .isEqualTo(deletion.getName());
    assertThat(storedPhantom.getMap("evidence")).doesNotContainKey("script");
  }

  @Test
  void phantom_renamed_by_a_commit_names_the_new_name() {
    repo.write(MIGRATIONS + SLUG + "/migration.sql", SLUG_SQL)
        .commit("Add slug", "Ben", at("2025-11-13"));
    RevCommit rename =
        repo.move(MIGRATIONS + SLUG, MIGRATIONS + "20251201000000_customer_slug")
            .commit("Renumber slug migration", "Cy", at("2025-12-01"));
    target.deploy(INIT, INIT_SQL).deploy(SLUG, SLUG_SQL);
    JsonPath audit = Environments.audit(register("main"));

    JsonPath phantom = finding(audit, "PHANTOM_MIGRATION");
    assertThat(phantom.getString("evidence.kind")).isEqualTo("RENAMED");
    assertThat(phantom.getString("evidence.relatedMigration"))
        .isEqualTo("20251201000000_customer_slug");
    assertThat(phantom.getString("evidence.commits[0].commit.sha")).isEqualTo(rename.getName());
  }

  @Test
  void phantom_only_on_another_branch_names_the_branch() {
    repo.commit("Initial schema", "Ada", at("2024-12-10"));
    repo.branch("feature/slugs")
        .write(MIGRATIONS + SLUG + "/migration.sql", SLUG_SQL)
        .commit("Add slug (unmerged)", "Ben", at("2025-11-13"));
    repo.checkout("main");
    target.deploy(INIT, INIT_SQL).deploy(SLUG, SLUG_SQL);
    JsonPath audit = Environments.audit(register("main"));

    JsonPath phantom = finding(audit, "PHANTOM_MIGRATION");
    assertThat(phantom.getString("evidence.kind")).isEqualTo("ONLY_ON_BRANCH");
    assertThat(phantom.getList("evidence.branches")).containsExactly("feature/slugs");
    assertThat(phantom.getString("message")).contains("only on feature/slugs");
  }

  @Test
  void phantom_never_committed_was_run_by_hand() {
    repo.commit("Initial schema", "Ada", at("2024-12-10"));
    repo.branch("develop")
        .write(DIR + "/README.md", "notes")
        .commit("Docs", "Ben", at("2025-01-01"));
    repo.checkout("main");
    target.deploy(INIT, INIT_SQL).deploy(SLUG, SLUG_SQL);
    JsonPath audit = Environments.audit(register("main"));

    JsonPath phantom = finding(audit, "PHANTOM_MIGRATION");
    assertThat(phantom.getString("evidence.kind")).isEqualTo("NEVER_COMMITTED");
    assertThat(phantom.getString("message")).contains("someone ran it by hand");
  }

  @Test
  void edited_after_apply_lists_the_commits_with_counts() {
    repo.commit("Initial schema", "Ada", at("2024-12-01"));
    target.deploy(INIT, INIT_SQL);
    RevCommit edit =
        repo.write(MIGRATIONS + INIT + "/migration.sql", INIT_SQL + "-- tweak\nSELECT 1;\n")
            .commit("Tweak init", "Eve", at("2025-06-01"));
    JsonPath audit = Environments.audit(register("main"));

    JsonPath edited = finding(audit, "EDITED_MIGRATION");
    assertThat(edited.getString("evidence.kind")).isEqualTo("CHANGED_AFTER_APPLY");
    assertThat(edited.getList("evidence.commits.commit.sha")).containsExactly(edit.getName());
    assertThat(edited.getInt("evidence.commits[0].linesAdded")).isEqualTo(2);
    assertThat(edited.getInt("evidence.commits[0].linesRemoved")).isZero();
    assertThat(edited.getString("message")).contains("Tweak init").contains("+2 −0");
  }

  @Test
  void pending_and_out_of_order_name_the_commit_that_added_them() {
    repo.commit("Initial schema", "Ada", at("2024-12-10"));
    RevCommit added =
        repo.write(MIGRATIONS + LEADS + "/migration.sql", LEADS_SQL)
            .commit("Add leads", "Fay", at("2025-12-26"));
    target.deploy(INIT, INIT_SQL).deploy("20260101000000_later_phantom", "SELECT 1;");
    JsonPath audit = Environments.audit(register("main"));

    assertThat(finding(audit, "PENDING_MIGRATION").getString("evidence.commits[0].commit.sha"))
        .isEqualTo(added.getName());
    assertThat(finding(audit, "OUT_OF_ORDER_MIGRATION").getString("evidence.kind"))
        .isEqualTo("ADDED");
  }

  @Test
  void tag_and_commit_refs_are_audited_at_that_commit() {
    RevCommit first = repo.commit("Initial schema", "Ada", at("2024-12-10"));
    repo.tag("v1.0.0");
    repo.write(MIGRATIONS + LEADS + "/migration.sql", LEADS_SQL)
        .commit("Add leads", "Fay", at("2025-12-26"));
    target.deploy(INIT, INIT_SQL);

    JsonPath byTag = Environments.audit(register("v1.0.0"));
    assertThat(byTag.getString("source.commit.sha")).isEqualTo(first.getName());
    assertThat(byTag.getString("outcome")).isEqualTo("CLEAN");
    JsonPath byCommit = Environments.audit(register(first.getName().substring(0, 10)));
    assertThat(byCommit.getString("source.commit.sha")).isEqualTo(first.getName());
  }

  @Test
  void unknown_ref_and_missing_path_are_error_audits() {
    repo.commit("Initial schema", "Ada", at("2024-12-10"));
    JsonPath unknownRef = Environments.audit(register("release"));
    assertThat(unknownRef.getString("outcome")).isEqualTo("ERROR");
    assertThat(unknownRef.getString("error.stage")).isEqualTo("SOURCE");
    assertThat(unknownRef.getString("error.message"))
        .contains("`release` is neither a branch, a tag nor a commit")
        .contains("branches: main");

    JsonPath missingPath = Environments.audit(register("main", "apps/api/prisma"));
    assertThat(missingPath.getString("outcome")).isEqualTo("ERROR");
    assertThat(missingPath.getString("error.message"))
        .contains("no folder `apps/api/prisma/migrations`");
  }

  @Test
  void unreachable_remote_is_an_error_naming_the_last_fetched_commit() {
    RevCommit head = repo.commit("Initial schema", "Ada", at("2024-12-10"));
    target.deploy(INIT, INIT_SQL);
    String environment = register("main");
    assertThat(Environments.audit(environment).getString("outcome")).isEqualTo("CLEAN");

    repo.close();
    JsonPath audit = Environments.audit(environment);
    assertThat(audit.getString("outcome")).isEqualTo("ERROR");
    assertThat(audit.getString("error.message")).contains("cannot fetch");
    assertThat(audit.getString("source.lastFetchedCommit.sha")).isEqualTo(head.getName());
    repo = GitRepo.create();
  }

  @Test
  void credentials_are_write_only() {
    repo.commit("Initial schema", "Ada", at("2024-12-10"));
    String name = "git-" + UUID.randomUUID().toString().substring(0, 8);
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
                Map.of(
                    "type",
                    "git",
                    "url",
                    repo.url(),
                    "ref",
                    "main",
                    "path",
                    DIR,
                    "credentials",
                    Map.of("token", "ghp_supersecret123"))))
        .post("/api/v1/environments")
        .then()
        .statusCode(201)
        .body("source.hasCredentials", equalTo(true))
        .body(not(containsString("ghp_supersecret123")));
    given()
        .get("/api/v1/environments/" + name)
        .then()
        .statusCode(200)
        .body(not(containsString("ghp_supersecret123")));
    assertThat(Environments.audit(name).prettify()).doesNotContain("ghp_supersecret123");
  }

  @Test
  void invalid_git_sources_are_400() {
    for (Map<String, Object> source :
        new Map[] {
          Map.of("type", "git", "url", repo.url(), "ref", "main", "path", "../../etc"),
          Map.of("type", "git", "url", repo.url(), "ref", "main", "path", "/etc"),
          Map.of("type", "git", "url", "ftp://host/repo.git", "ref", "main"),
          Map.of("type", "git", "url", "https://user:tok@host/repo.git", "ref", "main"),
          Map.of("type", "git", "url", repo.url()),
          Map.of("type", "git", "url", repo.url(), "ref", "main", "migrationsPath", "a/../../b"),
          Map.of("type", "git", "url", "git@github.com:acme/app.git", "ref", "main"),
          Map.of("type", "path", "path", "/tmp", "url", repo.url())
        }) {
      given()
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "name",
                  "bad-" + UUID.randomUUID().toString().substring(0, 8),
                  "tier",
                  "other",
                  "databaseUrl",
                  target.prismaUrl(),
                  "source",
                  source))
          .post("/api/v1/environments")
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
  }
}
