package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.StoreDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * openapi/openapi.yaml is the published contract: it must equal what the service serves. After an
 * intended API change, regenerate it with {@code mvn test -Dtest=OpenApiSpecTest
 * -Dopenapi.update=true}.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class OpenApiSpecTest {

  private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");

  @Test
  void committed_spec_equals_the_served_one() throws Exception {
    String served =
        given()
            .accept("application/yaml")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    if (Boolean.getBoolean("openapi.update")) {
      Files.createDirectories(COMMITTED.getParent());
      Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
    }
    Path fresh = Path.of("target", "openapi.yaml");
    Files.writeString(fresh, served, StandardCharsets.UTF_8);
    assertThat(Files.exists(COMMITTED)).as("openapi/openapi.yaml exists").isTrue();
    assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
        .as(
            "openapi/openapi.yaml differs from the served spec (written to %s); if the change is intended run "
                + "mvn test -Dtest=OpenApiSpecTest -Dopenapi.update=true",
            fresh)
        .isEqualTo(served);
  }
}
