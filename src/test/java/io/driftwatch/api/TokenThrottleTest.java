package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.driftwatch.testing.AdminTokenByDefault;
import io.driftwatch.testing.StoreDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Guessing tokens: after a few wrong ones from one client, that client's requests with a token are
 * refused for a window, the right token included; other clients are not. Clients are told apart by
 * X-Forwarded-For here, as behind a proxy with forwarding enabled.
 */
@QuarkusTest
@TestProfile(TokenThrottleTest.LowLimit.class)
@WithTestResource(StoreDatabase.class)
class TokenThrottleTest {

  static final int LIMIT = 3;

  /** Long enough for the requests a refusal is checked with, on a slow machine. */
  static final long WINDOW_SECONDS = 6;

  public static class LowLimit implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "driftwatch.access.max-failed-attempts",
          String.valueOf(LIMIT),
          "driftwatch.access.failure-window",
          WINDOW_SECONDS + "s",
          "quarkus.http.proxy.proxy-address-forwarding",
          "true",
          "quarkus.http.proxy.allow-x-forwarded",
          "true");
    }
  }

  private static final String WRONG = "dw_" + "x".repeat(43);

  @Test
  void wrong_tokens_get_a_client_refused_even_with_the_right_token_until_the_window_passes()
      throws Exception {
    String guesser = client();
    for (int i = 0; i < LIMIT; i++) {
      from(guesser).auth().oauth2(WRONG).get("/api/v1/environments").then().statusCode(401);
    }
    Response refused =
        from(guesser).auth().oauth2(AdminTokenByDefault.ADMIN_TOKEN).get("/api/v1/environments");
    int onMetrics =
        from(guesser).auth().oauth2(AdminTokenByDefault.ADMIN_TOKEN).get("/q/metrics").statusCode();
    int withoutToken = from(guesser).auth().none().get("/api/v1/environments").statusCode();
    int health = from(guesser).auth().none().get("/q/health/ready").statusCode();
    int otherClient =
        from(client())
            .auth()
            .oauth2(AdminTokenByDefault.ADMIN_TOKEN)
            .get("/api/v1/environments")
            .statusCode();

    // Checked once the requests above are done, all well within the window.
    refused
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("status", equalTo(429))
        .body("title", equalTo("Too many failed authentications"))
        .body("detail", containsString("with a valid token"))
        .body("instance", equalTo("/api/v1/environments"));
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    assertThat(retryAfter).isBetween(1L, WINDOW_SECONDS);
    assertThat(onMetrics).as("the right token on /q/metrics").isEqualTo(429);
    assertThat(withoutToken).as("no token: nothing to refuse").isEqualTo(401);
    assertThat(health).isEqualTo(200);
    assertThat(otherClient).as("another client").isEqualTo(200);

    Thread.sleep(retryAfter * 1000 + 200);
    from(guesser)
        .auth()
        .oauth2(AdminTokenByDefault.ADMIN_TOKEN)
        .get("/api/v1/environments")
        .then()
        .statusCode(200);
  }

  @Test
  void wrong_tokens_on_management_endpoints_count_too() {
    String guesser = client();
    for (int i = 0; i < LIMIT; i++) {
      from(guesser)
          .auth()
          .none()
          .header("Authorization", "Bearer not-a-token")
          .get("/q/metrics")
          .then()
          .statusCode(401);
    }
    from(guesser)
        .auth()
        .oauth2(AdminTokenByDefault.ADMIN_TOKEN)
        .get("/q/openapi")
        .then()
        .statusCode(429)
        .contentType("application/problem+json");
  }

  @Test
  void requests_without_a_token_are_not_counted() {
    String anonymous = client();
    for (int i = 0; i < LIMIT * 3; i++) {
      from(anonymous).auth().none().get("/api/v1/environments").then().statusCode(401);
    }
    from(anonymous)
        .auth()
        .oauth2(AdminTokenByDefault.ADMIN_TOKEN)
        .get("/api/v1/environments")
        .then()
        .statusCode(200);
  }

  private static RequestSpecification from(String client) {
    return given().header("X-Forwarded-For", client);
  }

  /** A fresh documentation address (RFC 5737) per use, so the tests never share a client. */
  private static String client() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "198.51." + random.nextInt(100, 255) + "." + random.nextInt(1, 255);
  }
}
