package io.driftwatch.board;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.driftwatch.api.Environments;
import io.driftwatch.testing.AdminTokenByDefault;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The board over HTTP, without a browser: signing in and out, what the session cookie holds and may
 * do, who is refused, and the pages' caching.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class BoardSessionTest {

  private TargetDatabase target;
  private PrismaFolder folder;
  private String environment;
  private String auditId;

  @BeforeEach
  void create() {
    target = TargetDatabase.create().managedByPrisma().deploy("20240101000000_init", "SELECT 1;\n");
    folder =
        PrismaFolder.create()
            .migration("20240101000000_init", "SELECT 1;\n")
            .migration("20240202000000_next", "CREATE TABLE \"t\" (\"id\" INTEGER);\n");
    environment = Environments.register(target, folder);
    auditId = Environments.audit(environment).getString("id");
  }

  @AfterEach
  void cleanUp() {
    target.close();
    folder.close();
  }

  private static RequestSpecification browser() {
    return given().auth().none().redirects().follow(false);
  }

  private static Response signIn(String token, String next) {
    return browser()
        .contentType(ContentType.URLENC)
        .formParams(Map.of("token", token, "next", next))
        .post("/sign-in");
  }

  private static String issue(String role) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "board-" + UUID.randomUUID().toString().substring(0, 8), "role", role))
        .post("/api/v1/tokens")
        .then()
        .statusCode(201)
        .extract()
        .path("token");
  }

  @Test
  void signed_out_a_page_sends_to_sign_in_and_back_after() {
    browser()
        .get("/audits/" + auditId)
        .then()
        .statusCode(303)
        .header("Location", containsString("/sign-in?next=%2Faudits%2F" + auditId));

    Response signedIn = signIn(AdminTokenByDefault.ADMIN_TOKEN, "/audits/" + auditId);

    signedIn.then().statusCode(303).header("Location", containsString("/audits/" + auditId));
    String cookie = signedIn.getDetailedCookie("dw_session").toString();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
    assertThat(cookie).doesNotContain(AdminTokenByDefault.ADMIN_TOKEN);
    String session = signedIn.getCookie("dw_session");
    browser()
        .cookie("dw_session", session)
        .get("/audits/" + auditId)
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString(environment))
        .body(containsString("20240202000000_next"));
  }

  @Test
  void the_fleet_and_the_environment_page_show_the_audit_and_answer_304_when_unchanged() {
    String session = signIn(AdminTokenByDefault.ADMIN_TOKEN, "/").getCookie("dw_session");

    Response fleet = browser().cookie("dw_session", session).get("/");
    fleet.then().statusCode(200).body(containsString("/environments/" + environment));
    browser()
        .cookie("dw_session", session)
        .header("If-None-Match", fleet.getHeader("ETag"))
        .get("/?fragment=rows&tier=production")
        .then()
        .statusCode(200);
    Response page = browser().cookie("dw_session", session).get("/environments/" + environment);
    page.then()
        .statusCode(200)
        .body(containsString("DATABASE_BEHIND"))
        .body(containsString("HI001"))
        .body(containsString("npx prisma migrate deploy"));
    browser()
        .cookie("dw_session", session)
        .header("If-None-Match", page.getHeader("ETag"))
        .get("/audits/" + auditId)
        .then()
        .statusCode(200);
    String etag =
        browser().cookie("dw_session", session).get("/audits/" + auditId).getHeader("ETag");
    browser()
        .cookie("dw_session", session)
        .header("If-None-Match", etag)
        .get("/audits/" + auditId)
        .then()
        .statusCode(304);
  }

  @Test
  void the_cookie_reads_only_and_a_wrong_token_is_refused_on_the_page() {
    String session = signIn(AdminTokenByDefault.ADMIN_TOKEN, "/").getCookie("dw_session");

    browser()
        .cookie("dw_session", session)
        .get("/api/v1/environments/" + environment)
        .then()
        .statusCode(200);
    browser()
        .cookie("dw_session", session)
        .post("/api/v1/environments/" + environment + "/audits")
        .then()
        .statusCode(401);
    browser().cookie("dw_session", session).get("/q/swagger-ui/").then().statusCode(200);
    browser()
        .cookie("dw_session", session)
        .get("/environments/no-such-environment")
        .then()
        .statusCode(404)
        .contentType(containsString("text/html"))
        .body(containsString("Not found"));
    browser()
        .cookie("dw_session", session)
        .get("/?tier=staging")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.not(containsString("/environments/" + environment + "\"")));
    browser()
        .cookie("dw_session", session)
        .get("/?tier=production&state=DATABASE_BEHIND")
        .then()
        .statusCode(200)
        .body(containsString("/environments/" + environment + "\""));
    browser().get("/q/swagger-ui/").then().statusCode(401);
    browser()
        .get("/sign-in/sso")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(org.hamcrest.Matchers.lessThan(500));
    assertThat(browser().get("/sign-in").asString())
        .as("no provider, no provider button")
        .doesNotContain("/sign-in/sso");
    signIn("dw_not-a-real-token", "/")
        .then()
        .statusCode(401)
        .body(containsString("unknown, revoked or mistyped"))
        .body(org.hamcrest.Matchers.not(containsString("dw_not-a-real-token")));
  }

  @Test
  void a_session_without_the_viewer_role_is_refused_and_one_of_a_revoked_token_ends() {
    String checker = issue("checker");
    String checkerSession = signIn(checker, "/").getCookie("dw_session");
    browser()
        .cookie("dw_session", checkerSession)
        .get("/")
        .then()
        .statusCode(403)
        .body(containsString("may not read the board"));

    String viewer = issue("viewer");
    String viewerSession = signIn(viewer, "/").getCookie("dw_session");
    browser().cookie("dw_session", viewerSession).get("/").then().statusCode(200);
    String id =
        given()
            .get("/api/v1/tokens")
            .then()
            .extract()
            .jsonPath()
            .getString(
                "find { it.name.startsWith('board-') && it.role == 'viewer' && it.revokedAt == null }.id");
    given().delete("/api/v1/tokens/" + id).then().statusCode(200);
    browser().cookie("dw_session", viewerSession).get("/").then().statusCode(303);

    Response out = browser().cookie("dw_session", viewerSession).post("/sign-out");
    out.then().statusCode(303).header("Location", containsString("/sign-in"));
    assertThat(out.getDetailedCookie("dw_session").getMaxAge()).isZero();
  }
}
