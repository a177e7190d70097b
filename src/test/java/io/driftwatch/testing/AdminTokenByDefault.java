package io.driftwatch.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Every REST Assured request in a Quarkus test carries the test profile's bootstrap admin token,
 * unless the test says otherwise ({@code given().auth().none()} or another token): the API's own
 * tests are about the API, the access tests about access.
 */
public class AdminTokenByDefault implements QuarkusTestBeforeEachCallback {

  /** {@code %test.driftwatch.admin-token} in application.properties. */
  public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    RestAssured.authentication = RestAssured.oauth2(ADMIN_TOKEN);
  }
}
