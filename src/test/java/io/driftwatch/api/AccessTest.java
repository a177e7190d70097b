package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.driftwatch.testing.TestPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bearer tokens, roles, revocation and the change log. */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class AccessTest {

  private Environments.Fresh fresh;
  private TargetDatabase target;
  private PrismaFolder folder;
  private String environment;

  @BeforeEach
  void environment() {
    fresh = Environments.Fresh.register();
    target = fresh.target();
    folder = fresh.folder();
    environment = fresh.name();
  }

  @AfterEach
  void cleanUp() {
    fresh.close();
  }

  @Test
  void no_token_is_401_with_a_problem_and_a_challenge() {
    given()
        .auth()
        .none()
        .get("/api/v1/environments")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("title", equalTo("Unauthorized"));
  }

  @Test
  void an_unknown_or_malformed_token_is_401() {
    for (String token :
        List.of(
            "dw_" + "x".repeat(43),
            "not-a-token",
            "dw_short",
            "test-admin-token-0123456789abcdeX")) {
      given()
          .auth()
          .none()
          .header("Authorization", "Bearer " + token)
          .get("/api/v1/environments/" + environment)
          .then()
          .statusCode(401)
          .contentType("application/problem+json");
    }
  }

  @Test
  void health_is_open_and_the_rest_of_q_needs_a_viewer_token() {
    for (String health :
        List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/health/started")) {
      given().auth().none().get(health).then().statusCode(200);
    }
    // Metrics name every environment, the contract maps the API; unknown /q routes give nothing
    // away either.
    for (String path :
        List.of(
            "/q/metrics",
            "/q/metrics/",
            "/q/openapi",
            "/q/openapi?format=json",
            "/q/openapi.json",
            "/q/swagger-ui",
            "/q/dev-ui",
            "/q/nothing")) {
      given()
          .auth()
          .none()
          .get(path)
          .then()
          .statusCode(401)
          .contentType("application/problem+json")
          .header("WWW-Authenticate", startsWith("Bearer"))
          .body("title", equalTo("Unauthorized"))
          .body("detail", containsString("send a viewer token"));
      given()
          .auth()
          .none()
          .header("Authorization", "Bearer dw_" + "x".repeat(43))
          .get(path)
          .then()
          .statusCode(401)
          .contentType("application/problem+json")
          .body("detail", containsString("unknown, revoked or malformed"));
    }
    String viewer = issue("scraper-" + suffix(), "viewer");
    as(viewer).get("/q/metrics").then().statusCode(200).body(containsString("# TYPE"));
    as(viewer)
        .accept("application/yaml")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(containsString("openapi:"));
  }

  @Test
  void a_viewer_reads_but_may_not_run_audits_or_manage() {
    String viewer = issue("viewer-" + suffix(), "viewer");
    as(viewer).get("/api/v1/environments/" + environment).then().statusCode(200);
    as(viewer).get("/api/v1/environments/" + environment + "/audits").then().statusCode(200);
    as(viewer).get("/api/v1/findings").then().statusCode(200);
    as(viewer)
        .post("/api/v1/environments/" + environment + "/audits")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    as(viewer).delete("/api/v1/environments/" + environment).then().statusCode(403);
    as(viewer).get("/api/v1/tokens").then().statusCode(403);
    as(viewer).get("/api/v1/changes").then().statusCode(403);
  }

  @Test
  void an_operator_runs_audits_but_may_not_manage() {
    String token = issue("operator-" + suffix(), "operator");
    as(token).post("/api/v1/environments/" + environment + "/audits").then().statusCode(201);
    as(token).get("/api/v1/environments").then().statusCode(200);
    as(token)
        .contentType(ContentType.JSON)
        .body(
            """
        {"name": "x-%s", "tier": "staging", "databaseUrl": "%s", "source": {"type": "path", "path": "%s"}}
        """
                .formatted(suffix(), target.prismaUrl(), folder.path()))
        .post("/api/v1/environments")
        .then()
        .statusCode(403);
    as(token)
        .contentType(ContentType.JSON)
        .body("{\"name\": \"x\", \"role\": \"admin\"}")
        .post("/api/v1/tokens")
        .then()
        .statusCode(403);
    as(token).post("/api/v1/secrets/reseal").then().statusCode(403);
  }

  @Test
  void an_issued_admin_token_manages_and_the_secret_is_shown_once_and_stored_as_a_hash()
      throws Exception {
    String name = "admin-" + suffix();
    JsonPath issued =
        given()
            .contentType(ContentType.JSON)
            .body("{\"name\": \"%s\", \"role\": \"admin\"}".formatted(name))
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .header("Location", Matchers.containsString("/api/v1/tokens/"))
            .body("role", equalTo("admin"))
            .body("createdBy", equalTo("bootstrap-admin"))
            .extract()
            .jsonPath();
    String secret = issued.getString("token");
    assertThat(secret).startsWith("dw_").hasSize(46);

    as(secret)
        .get("/api/v1/tokens")
        .then()
        .statusCode(200)
        .body("find { it.name == '%s' }.role".formatted(name), equalTo("admin"));
    String listing = as(secret).get("/api/v1/tokens").asString();
    assertThat(listing).doesNotContain(secret).doesNotContain("token\"");
    try (Connection store = TestPostgres.server().connect(StoreDatabase.current());
        Statement statement = store.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT token_hash FROM api_token WHERE name = '" + name + "'")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1))
          .hasSize(64)
          .isNotEqualTo(secret)
          .doesNotContain(secret.substring(3));
    }
  }

  @Test
  void a_revoked_token_is_refused_at_once() {
    String name = "ci-" + suffix();
    JsonPath issued =
        given()
            .contentType(ContentType.JSON)
            .body("{\"name\": \"%s\", \"role\": \"viewer\"}".formatted(name))
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String secret = issued.getString("token");
    as(secret).get("/api/v1/environments").then().statusCode(200);

    given()
        .delete("/api/v1/tokens/" + issued.getString("id"))
        .then()
        .statusCode(200)
        .body("revokedAt", Matchers.notNullValue());
    as(secret).get("/api/v1/environments").then().statusCode(401);
    given().delete("/api/v1/tokens/" + issued.getString("id")).then().statusCode(200);
    given()
        .delete("/api/v1/tokens/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    // The name is free again once revoked.
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\": \"%s\", \"role\": \"viewer\"}".formatted(name))
        .post("/api/v1/tokens")
        .then()
        .statusCode(201);
  }

  @Test
  void token_requests_are_validated() {
    String name = "dup-" + suffix();
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\": \"%s\", \"role\": \"viewer\"}".formatted(name))
        .post("/api/v1/tokens")
        .then()
        .statusCode(201);
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\": \"%s\", \"role\": \"viewer\"}".formatted(name))
        .post("/api/v1/tokens")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\": \"x\", \"role\": \"root\"}")
        .post("/api/v1/tokens")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("role"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\": \"Bad Name\", \"role\": \"viewer\"}")
        .post("/api/v1/tokens")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("name"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\": \"x\", \"role\": \"viewer\", \"scopes\": []}")
        .post("/api/v1/tokens")
        .then()
        .statusCode(400);
  }

  @Test
  void the_change_log_says_who_changed_what_and_never_a_secret() {
    String admin = issue("changer-" + suffix(), "admin");
    String renamed = environment + "-b";
    as(admin)
        .contentType(ContentType.JSON)
        .body(
            """
        {"name": "%s", "tier": "staging", "databaseUrl": "%s",
         "source": {"type": "path", "path": "%s"},
         "alerts": {"slackWebhookUrl": "https://hooks.slack.com/services/T000/B000/s3cr3tW3bh00k"}}
        """
                .formatted(renamed, target.prismaUrlWithPassword("hunter2-db-pass"), folder.path()))
        .put("/api/v1/environments/" + environment)
        .then()
        .statusCode(200);
    as(admin).delete("/api/v1/environments/" + renamed).then().statusCode(204);

    JsonPath changes =
        given().get("/api/v1/changes?limit=50").then().statusCode(200).extract().jsonPath();
    List<String> actions =
        changes.getList(
            "findAll { it.subject == '%s' || it.subject == '%s' }.action"
                .formatted(environment, renamed));
    assertThat(actions)
        .containsExactly("environment.deleted", "environment.updated", "environment.created");
    String updated =
        changes.getString(
            "find { it.action == 'environment.updated' && it.subject == '%s' }.details"
                .formatted(environment));
    assertThat(updated)
        .contains("name: " + environment + " -> " + renamed)
        .contains("tier: production -> staging")
        .contains("database URL replaced")
        .contains("Slack webhook replaced");
    assertThat(changes.getString("find { it.subject == '%s' }.actor".formatted(renamed)))
        .startsWith("token:changer-");
    assertThat(
            changes.getString(
                "find { it.action == 'environment.created' && it.subject == '%s' }.actor"
                    .formatted(environment)))
        .isEqualTo("bootstrap-admin");
    String everything = given().get("/api/v1/changes?limit=1000").asString();
    assertThat(everything)
        .doesNotContain("hunter2-db-pass")
        .doesNotContain("s3cr3tW3bh00k")
        .doesNotContain(admin);

    long newest = changes.getLong("[0].id");
    given()
        .get("/api/v1/changes?before=" + newest + "&limit=1")
        .then()
        .statusCode(200)
        .body("[0].id", Matchers.lessThan((int) newest));
    given().get("/api/v1/changes?limit=0").then().statusCode(400);
    given().get("/api/v1/changes?limit=1001").then().statusCode(400);
  }

  @Test
  void token_changes_are_logged() {
    String name = "logged-" + suffix();
    JsonPath issued =
        given()
            .contentType(ContentType.JSON)
            .body("{\"name\": \"%s\", \"role\": \"operator\"}".formatted(name))
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    given().delete("/api/v1/tokens/" + issued.getString("id")).then().statusCode(200);
    JsonPath changes = given().get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
    assertThat(changes.getList("findAll { it.subject == '%s' }.action".formatted(name)))
        .containsExactly("token.revoked", "token.created");
    assertThat(changes.getString("find { it.subject == '%s' }.details".formatted(name)))
        .contains("role operator");
  }

  private static String issue(String name, String role) {
    return given()
        .contentType(ContentType.JSON)
        .body("{\"name\": \"%s\", \"role\": \"%s\"}".formatted(name, role))
        .post("/api/v1/tokens")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getString("token");
  }

  private static RequestSpecification as(String token) {
    return given().auth().oauth2(token);
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
