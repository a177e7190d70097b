package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.driftwatch.testing.StoreDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DRIFTWATCH_PUBLIC_ENDPOINTS opens the endpoints it lists, and only those. */
@QuarkusTest
@TestProfile(PublicEndpointsTest.MetricsPublic.class)
@WithTestResource(StoreDatabase.class)
class PublicEndpointsTest {

  public static class MetricsPublic implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("driftwatch.public-endpoints", " Metrics ");
    }
  }

  @Test
  void listed_endpoints_are_open_and_the_others_still_need_a_token() {
    given().auth().none().get("/q/metrics").then().statusCode(200).body(containsString("# TYPE"));
    given()
        .auth()
        .none()
        .get("/q/openapi")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given().auth().none().get("/q/nothing").then().statusCode(401);
    given().auth().none().get("/api/v1/environments").then().statusCode(401);
    given().auth().none().get("/q/health/live").then().statusCode(200);
  }
}
