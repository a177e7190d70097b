package io.driftwatch.board;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.driftwatch.testing.FakeIdentityProvider;
import io.driftwatch.testing.StoreDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signing in to the board through an identity provider (the OIDC code flow against a local
 * provider): the sign-in page offers it, the flow ends in the board's own session with the role the
 * user's groups name, and the browser lands where it was going.
 */
@QuarkusTest
@TestProfile(BoardSsoTest.SsoEnabled.class)
@WithTestResource(StoreDatabase.class)
@WithTestResource(FakeIdentityProvider.class)
class BoardSsoTest {

  /** A profile of its own, so the provider's tenant is on only here. */
  public static class SsoEnabled implements QuarkusTestProfile {}

  @Test
  void the_code_flow_opens_a_board_session_with_the_groups_role() {
    given()
        .auth()
        .none()
        .queryParam("next", "/q/swagger-ui/")
        .get("/sign-in")
        .then()
        .statusCode(200)
        .body(containsString("href=\"/sign-in/sso?next=%2Fq%2Fswagger-ui%2F\""));

    Map<String, String> cookies = new HashMap<>();
    Response step = hop("/sign-in/sso?next=%2F", cookies);
    assertThat(step.statusCode()).as(step.asString()).isEqualTo(302);
    URI authorize = URI.create(step.getHeader("Location"));
    assertThat(authorize.getPath()).isEqualTo("/authorize");

    // The provider signs alice in at once and sends the browser back with a code.
    Response back = hop(authorize.toString(), new HashMap<>());
    assertThat(back.statusCode()).isEqualTo(302);
    String callback = back.getHeader("Location");
    step = hop(callback, cookies);
    for (int hops = 0; hops < 5 && step.statusCode() == 302; hops++) {
      step = hop(step.getHeader("Location"), cookies);
    }
    assertThat(step.statusCode()).as(step.asString()).isEqualTo(303);
    assertThat(step.getHeader("Location")).endsWith("/");
    String session = step.getCookie("dw_session");
    assertThat(session).isNotBlank();

    given()
        .auth()
        .none()
        .cookie("dw_session", session)
        .get("/")
        .then()
        .statusCode(200)
        .body(containsString("Fleet"));
  }

  /** One request as a browser sends it: the cookies so far, no redirect followed. */
  private static Response hop(String url, Map<String, String> cookies) {
    Response response =
        given()
            .auth()
            .none()
            .urlEncodingEnabled(false)
            .redirects()
            .follow(false)
            .cookies(cookies)
            .get(url);
    cookies.putAll(response.getCookies());
    return response;
  }
}
