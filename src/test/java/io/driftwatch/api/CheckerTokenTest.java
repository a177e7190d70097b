package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.driftwatch.testing.CheckedProject;
import io.driftwatch.testing.StoreDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Least privilege for CI: a checker token runs checks and reads them and nothing else; a token
 * limited to named environments reaches only them; each check run is in the change log with the
 * token that ran it.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class CheckerTokenTest {

  private CheckedProject mine;
  private CheckedProject other;

  @BeforeEach
  void create() {
    mine = CheckedProject.register("mine-");
    other = CheckedProject.register("other-");
  }

  @AfterEach
  void cleanUp() {
    mine.close();
    other.close();
  }

  private static String issue(String role, List<String> environments) {
    Map<String, Object> body =
        environments == null
            ? Map.of("name", "ci-" + suffix(), "role", role)
            : Map.of("name", "ci-" + suffix(), "role", role, "environments", environments);
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/tokens")
        .then()
        .statusCode(201)
        .body("environments", equalTo(environments))
        .extract()
        .jsonPath()
        .getString("token");
  }

  private static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void a_scoped_checker_checks_its_environment_and_reaches_nothing_else() {
    String ci = issue("checker", List.of(mine.environment()));

    String id =
        as(ci)
            .body(Map.of("ref", "main"))
            .post("/api/v1/environments/" + mine.environment() + "/checks")
            .then()
            .statusCode(201)
            .body("verdict", equalTo("PASS"))
            .extract()
            .path("id");
    as(ci).get("/api/v1/checks/" + id).then().statusCode(200);
    as(ci).get("/api/v1/environments/" + mine.environment() + "/checks").then().statusCode(200);

    as(ci)
        .body(Map.of("ref", "main"))
        .post("/api/v1/environments/" + other.environment() + "/checks")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("limited to the environments [" + mine.environment() + "]"));
    as(ci).get("/api/v1/environments").then().statusCode(403);
    as(ci).get("/api/v1/findings").then().statusCode(403);
    String othersCheck =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("ref", "main"))
            .post("/api/v1/environments/" + other.environment() + "/checks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(ci).get("/api/v1/checks/" + othersCheck).then().statusCode(404);

    // A checker runs checks only: no audit, no status, even of its own environment.
    as(ci).post("/api/v1/environments/" + mine.environment() + "/audits").then().statusCode(403);
    as(ci).get("/api/v1/environments/" + mine.environment() + "/status").then().statusCode(403);

    JsonPath changes =
        given().get("/api/v1/changes?limit=200").then().statusCode(200).extract().jsonPath();
    String ran =
        changes.getString(
            "find { it.action == 'check.run' && it.subject == '%s' }.actor"
                .formatted(mine.environment()));
    assertThat(ran).startsWith("token:ci-");
    assertThat(
            changes.getString(
                "find { it.action == 'check.run' && it.subject == '%s' }.details"
                    .formatted(mine.environment())))
        .contains("ref main (")
        .contains("verdict PASS, id " + id);
    assertThat(
            changes.getString(
                "find { it.action == 'token.created' && it.details.contains('checker') }.details"))
        .contains("environments [");
  }

  @Test
  void an_operator_still_runs_checks_and_a_viewer_does_not() {
    String operator = issue("operator", null);
    String viewer = issue("viewer", null);
    String scopedViewer = issue("viewer", List.of(other.environment()));

    as(operator)
        .body(Map.of("ref", "main"))
        .post("/api/v1/environments/" + mine.environment() + "/checks")
        .then()
        .statusCode(201);
    as(viewer)
        .body(Map.of("ref", "main"))
        .post("/api/v1/environments/" + mine.environment() + "/checks")
        .then()
        .statusCode(403);
    as(viewer).get("/api/v1/environments/" + mine.environment() + "/checks").then().statusCode(200);
    as(scopedViewer).get("/api/v1/environments/" + other.environment()).then().statusCode(200);
    as(scopedViewer).get("/api/v1/environments/" + mine.environment()).then().statusCode(403);
  }

  @Test
  void an_admin_token_cannot_be_scoped_and_names_must_be_environment_names() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "ci-" + suffix(), "role", "admin", "environments", List.of("x")))
        .post("/api/v1/tokens")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("an admin token cannot be limited"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "ci-" + suffix(), "role", "checker", "environments", List.of("../x")))
        .post("/api/v1/tokens")
        .then()
        .statusCode(400);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "ci-" + suffix(), "role", "checker", "environments", List.of()))
        .post("/api/v1/tokens")
        .then()
        .statusCode(400);
  }
}
