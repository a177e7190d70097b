package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.driftwatch.testing.CheckedProject;
import io.driftwatch.testing.GitRepo;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TarGz;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks through the API: a branch's migrations against a real PostgreSQL, read from a real git
 * repository, judged by the default policy or the call's, stored apart from the audits.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class CheckTest {

  private static final String MIGRATIONS = CheckedProject.MIGRATIONS;
  private static final String INIT = CheckedProject.INIT;
  private static final String INIT_SQL = CheckedProject.INIT_SQL;
  private static final Instant AT = CheckedProject.AT;

  private CheckedProject project;
  private TargetDatabase target;
  private GitRepo repo;
  private String environment;

  @BeforeEach
  void create() {
    project = CheckedProject.register("check-");
    target = project.target();
    repo = project.repo();
    environment = project.environment();
  }

  @AfterEach
  void cleanUp() {
    project.close();
  }

  private JsonPath check(Object body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/environments/" + environment + "/checks")
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/v1/checks/"))
        .extract()
        .jsonPath();
  }

  @Test
  void a_branch_with_an_ordinary_pending_migration_warns_and_stays_out_of_the_status() {
    repo.branch("feature/posts")
        .write(
            MIGRATIONS + "20240102000000_posts/migration.sql",
            "CREATE TABLE \"Post\" (\"id\" INTEGER NOT NULL);\n");
    RevCommit head = repo.commit("posts", "Ada", AT.plusSeconds(60));

    JsonPath check = check(Map.of("ref", "feature/posts"));

    assertThat(check.getString("verdict")).isEqualTo("WARN");
    assertThat(check.getString("commit")).isEqualTo(head.getName());
    assertThat(check.getList("reasons.finding.code", String.class)).containsExactly("HI001");
    assertThat(check.getList("reasons.rule", String.class)).containsExactly("*:WARNING");
    assertThat(check.getString("markdown"))
        .startsWith("### driftwatch: ⚠️ WARN for `" + environment + "` at `feature/posts`")
        .contains("| ⚠️ | HI001 | 20240102000000_posts |");
    assertThat(check.getString("audit.outcome")).isEqualTo("DRIFT");

    // Stored and listed, but not the environment's latest audit.
    given()
        .get("/api/v1/checks/" + check.getString("id"))
        .then()
        .statusCode(200)
        .body("verdict", equalTo("WARN"))
        .body("ref", equalTo("feature/posts"));
    given()
        .get("/api/v1/environments/" + environment + "/checks")
        .then()
        .statusCode(200)
        .body("total", equalTo(1));
    given().get("/api/v1/environments/" + environment + "/status").then().statusCode(404);
    given()
        .get("/api/v1/environments/" + environment + "/audits")
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
  }

  @Test
  void a_branch_whose_migration_will_fail_on_the_live_database_fails() {
    repo.branch("feature/again")
        .write(MIGRATIONS + "20240102000000_user_again/migration.sql", INIT_SQL);
    repo.commit("user again", "Ada", AT.plusSeconds(60));

    JsonPath check = check(Map.of("ref", "feature/again"));

    assertThat(check.getString("verdict")).isEqualTo("FAIL");
    List<String> codes = check.getList("reasons.finding.code", String.class);
    assertThat(codes).contains("MS018");
    assertThat(check.getString("reasons[0].effect")).isEqualTo("FAIL");
  }

  @Test
  void the_calls_policy_decides() {
    repo.branch("feature/posts")
        .write(
            MIGRATIONS + "20240102000000_posts/migration.sql",
            "CREATE TABLE \"Post\" (\"id\" INTEGER NOT NULL);\n");
    repo.commit("posts", "Ada", AT.plusSeconds(60));

    JsonPath strict =
        check(Map.of("ref", "feature/posts", "gate", Map.of("failOn", List.of("HI001"))));
    assertThat(strict.getString("verdict")).isEqualTo("FAIL");
    assertThat(strict.getList("policy.failOn", String.class)).containsExactly("HI001");

    JsonPath lenient =
        check(Map.of("ref", "feature/posts", "gate", Map.of("warnOn", List.of("*:ERROR"))));
    assertThat(lenient.getString("verdict")).isEqualTo("PASS");
    assertThat(lenient.getString("markdown")).contains("Nothing the policy fails or warns on");
  }

  private ValidatableResponse putGate(Object gate) {
    Map<String, Object> definition = project.definition();
    definition.put("gate", gate);
    return given()
        .contentType(ContentType.JSON)
        .body(definition)
        .put("/api/v1/environments/" + environment)
        .then();
  }

  @Test
  void the_environments_policy_decides_when_the_call_brings_none_and_its_change_is_logged() {
    repo.branch("feature/posts")
        .write(
            MIGRATIONS + "20240102000000_posts/migration.sql",
            "CREATE TABLE \"Post\" (\"id\" INTEGER NOT NULL);\n");
    repo.commit("posts", "Ada", AT.plusSeconds(60));
    given()
        .get("/api/v1/environments/" + environment)
        .then()
        .statusCode(200)
        .body("gate.warnOn", equalTo(List.of("*:WARNING")))
        .body("gate.failOn", org.hamcrest.Matchers.hasItem("HI004"));

    putGate(Map.of("failOn", List.of("HI001", "HI004"))).statusCode(200);

    given()
        .get("/api/v1/environments/" + environment)
        .then()
        .body("gate.failOn", equalTo(List.of("HI001", "HI004")))
        .body("gate.warnOn", equalTo(List.of("*:WARNING")));
    JsonPath byEnvironment = check(Map.of("ref", "feature/posts"));
    assertThat(byEnvironment.getString("verdict")).isEqualTo("FAIL");
    assertThat(byEnvironment.getList("policy.failOn", String.class))
        .containsExactly("HI001", "HI004");
    JsonPath byCall =
        check(Map.of("ref", "feature/posts", "gate", Map.of("failOn", List.of("HI004"))));
    assertThat(byCall.getString("verdict"))
        .as("the call's list replaces the environment's")
        .isEqualTo("WARN");
    String logged =
        given()
            .get("/api/v1/changes?limit=200")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getString(
                "find { it.action == 'environment.updated' && it.subject == '%s' }.details"
                    .formatted(environment));
    assertThat(logged)
        .contains("gate: fail on [HI002, HI003, HI004")
        .contains("-> fail on [HI001, HI004], warn on [*:WARNING]");

    putGate(Map.of()).statusCode(200);
    assertThat(check(Map.of("ref", "feature/posts")).getString("verdict"))
        .as("{} is the default again")
        .isEqualTo("WARN");
  }

  @Test
  void an_environments_policy_that_does_not_parse_is_a_400() {
    putGate(Map.of("warnOn", List.of("MS", "everything")))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("gate.warnOn"));
  }

  private io.restassured.response.Response upload(byte[] archive, String query) {
    return given()
        .contentType("application/gzip")
        .body(archive)
        .post("/api/v1/environments/" + environment + "/checks/upload" + query);
  }

  private static List<String> leftUploads() throws Exception {
    Path uploads = Path.of(System.getProperty("java.io.tmpdir"), "driftwatch-uploads");
    if (!Files.isDirectory(uploads)) {
      return List.of();
    }
    try (var names = Files.list(uploads)) {
      return names.map(path -> path.getFileName().toString()).toList();
    }
  }

  @Test
  void an_uploaded_prisma_folder_is_checked_like_a_ref_and_deleted_after() throws Exception {
    byte[] archive =
        new TarGz()
            .file("migrations/migration_lock.toml", "provider = \"postgresql\"\n")
            .file("schema.prisma", "datasource db {\n  provider = \"postgresql\"\n}\n")
            .file("migrations/" + INIT + "/migration.sql", INIT_SQL)
            .file(
                "migrations/20240102000000_posts/migration.sql",
                "CREATE TABLE \"Post\" (\"id\" INTEGER NOT NULL);\n")
            .bytes();

    JsonPath check =
        upload(archive, "?label=pr-42&failOn=HI001")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/checks/"))
            .extract()
            .jsonPath();

    assertThat(check.getString("verdict")).isEqualTo("FAIL");
    assertThat(check.getString("ref")).isEqualTo("pr-42");
    assertThat(check.getList("reasons.finding.code", String.class)).containsExactly("HI001");
    assertThat(check.getString("audit.source.type")).isEqualTo("upload");
    assertThat(leftUploads()).as("the unpacked folder is deleted").isEmpty();
    assertThat(upload(archive, "").then().statusCode(201).extract().path("verdict").toString())
        .isEqualTo("WARN");
  }

  @Test
  void an_archive_that_could_reach_outside_its_folder_is_a_400_and_nothing_is_left()
      throws Exception {
    upload(
            new TarGz()
                .file("schema.prisma", "x")
                .special(
                    "migrations",
                    org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK,
                    "/etc")
                .bytes(),
            "")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("upload: `migrations` is a link"));
    upload(new TarGz().file("../../escape.sql", "x").bytes(), "")
        .then()
        .statusCode(400)
        .body("detail", containsString("leaves the archive's folder"));
    upload("not an archive".getBytes(), "")
        .then()
        .statusCode(400)
        .body("detail", containsString("not a gzip stream"));
    upload(new byte[9 * 1024 * 1024], "")
        .then()
        .statusCode(400)
        .body("detail", containsString("more than DRIFTWATCH_SOURCE_MAX_UPLOAD_BYTES"));
    assertThat(leftUploads()).isEmpty();
  }

  @Test
  void a_ref_the_repository_does_not_have_is_an_error_verdict_that_says_why() {
    JsonPath check = check(Map.of("ref", "no-such-branch"));
    assertThat(check.getString("verdict")).isEqualTo("ERROR");
    assertThat(check.getString("audit.error.message")).contains("no-such-branch");
    assertThat(check.getString("markdown")).contains("The check could not run");
  }

  @Test
  void what_cannot_be_checked_is_a_clear_400() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("ref", "main", "gate", Map.of("failOn", List.of("drop tables"))))
        .post("/api/v1/environments/" + environment + "/checks")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("is not a gate selector"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("ref", "main..evil"))
        .post("/api/v1/environments/" + environment + "/checks")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");

    try (PrismaFolder folder = PrismaFolder.create().migration(INIT, INIT_SQL)) {
      String local = Environments.register(target, folder);
      given()
          .contentType(ContentType.JSON)
          .body(Map.of("ref", "main"))
          .post("/api/v1/environments/" + local + "/checks")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", containsString("needs a git source"));
    }
  }
}
