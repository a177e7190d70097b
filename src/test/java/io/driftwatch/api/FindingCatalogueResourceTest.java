package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.driftwatch.core.rules.Rules;
import io.driftwatch.testing.StoreDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(StoreDatabase.class)
class FindingCatalogueResourceTest {

  @Test
  void catalogue_serves_every_code() {
    given()
        .get("/api/v1/findings")
        .then()
        .statusCode(200)
        .body("size()", equalTo(Rules.types().size()))
        .body("code", hasItems("HI001", "HI002", "HI004", "DH001", "DH002"))
        .body("find { it.code == 'HI004' }.name", equalTo("FAILED_MIGRATION"))
        .body("find { it.code == 'HI004' }.severity", equalTo("CRITICAL"))
        .body("find { it.code == 'DH003' }.family", equalTo("DH"));
  }
}
