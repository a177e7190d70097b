package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.driftwatch.testing.AdminTokenByDefault;
import io.driftwatch.testing.StoreDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OIDC enabled (verified against a public key, as a deployment behind an identity provider would be
 * against its JWKS): group claims give roles, the role hierarchy applies, driftwatch's own tokens
 * keep working, and /q/metrics takes an OIDC viewer.
 */
@QuarkusTest
@TestProfile(OidcAccessTest.OidcEnabled.class)
@WithTestResource(StoreDatabase.class)
class OidcAccessTest {

  public static class OidcEnabled implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.oidc.tenant-enabled",
          "true",
          "quarkus.oidc.public-key",
          pem("oidc/public-key.pem").replaceAll("-----[A-Z ]+-----|\\s", ""),
          "quarkus.oidc.token.issuer",
          ISSUER);
    }
  }

  static final String ISSUER = "https://idp.example.com/realms/platform";

  private Environments.Fresh fresh;
  private String environment;

  @BeforeEach
  void environment() {
    fresh = Environments.Fresh.register();
    environment = fresh.name();
  }

  @AfterEach
  void cleanUp() {
    fresh.close();
  }

  @Test
  void an_oidc_operator_reads_and_runs_audits_but_may_not_manage() {
    String alice = jwt("alice", Set.of("operator"), "oidc/private-key.pem");
    given().auth().oauth2(alice).get("/api/v1/environments/" + environment).then().statusCode(200);
    given()
        .auth()
        .oauth2(alice)
        .post("/api/v1/environments/" + environment + "/audits")
        .then()
        .statusCode(201);
    given().auth().oauth2(alice).get("/api/v1/tokens").then().statusCode(403);
  }

  @Test
  void an_oidc_admin_is_named_in_the_change_log() {
    String bob = jwt("bob", Set.of("admin", "unrelated-group"), "oidc/private-key.pem");
    given().auth().oauth2(bob).delete("/api/v1/environments/" + environment).then().statusCode(204);
    given()
        .get("/api/v1/changes")
        .then()
        .statusCode(200)
        .body(
            "find { it.subject == '%s' && it.action == 'environment.deleted' }.actor"
                .formatted(environment),
            equalTo("bob"));
  }

  @Test
  void a_token_signed_by_another_key_or_without_a_driftwatch_group_is_refused() {
    given()
        .auth()
        .oauth2(jwt("mallory", Set.of("admin"), "oidc/stranger-private-key.pem"))
        .get("/api/v1/environments")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(jwt("carol", Set.of("developers"), "oidc/private-key.pem"))
        .get("/api/v1/environments")
        .then()
        .statusCode(403);
  }

  @Test
  void driftwatch_tokens_still_work_beside_oidc() {
    given()
        .auth()
        .oauth2(AdminTokenByDefault.ADMIN_TOKEN)
        .get("/api/v1/environments")
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2("dw_" + "x".repeat(43))
        .get("/api/v1/environments")
        .then()
        .statusCode(401);
  }

  @Test
  void metrics_require_a_viewer() {
    given()
        .auth()
        .none()
        .get("/q/metrics")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(jwt("mallory", Set.of("viewer"), "oidc/stranger-private-key.pem"))
        .get("/q/metrics")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(jwt("carol", Set.of("developers"), "oidc/private-key.pem"))
        .get("/q/metrics")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(jwt("prometheus", Set.of("viewer"), "oidc/private-key.pem"))
        .get("/q/metrics")
        .then()
        .statusCode(200);
    given().auth().none().get("/q/health/ready").then().statusCode(200);
  }

  private static String jwt(String user, Set<String> groups, String keyResource) {
    try {
      PrivateKey key = KeyUtils.decodePrivateKey(pem(keyResource));
      return Jwt.issuer(ISSUER).upn(user).groups(groups).expiresIn(300).sign(key);
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign a test token with " + keyResource, e);
    }
  }

  static String pem(String resource) {
    try (InputStream in = OidcAccessTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
