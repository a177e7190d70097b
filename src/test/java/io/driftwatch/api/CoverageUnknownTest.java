package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Coverage of nothing is unknown, not 100 %: audits of real PostgreSQL databases through the API.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class CoverageUnknownTest {

  private static final String INIT =
      "CREATE TABLE \"User\" (\"id\" SERIAL NOT NULL, CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\"));\n";
  private static final String CONFIG_ONLY =
      """
      datasource db {
        provider = "postgresql"
        url      = env("DATABASE_URL")
      }
      generator client {
        provider = "prisma-client-js"
      }
      """;

  private TargetDatabase target;
  private PrismaFolder folder;

  @BeforeEach
  void migrated() {
    target = TargetDatabase.create().managedByPrisma();
    folder = PrismaFolder.create().migration("20240101000000_init", INIT);
    target.deploy("20240101000000_init", INIT);
  }

  @AfterEach
  void cleanUp() {
    folder.close();
    target.close();
  }

  private JsonPath coverage(String environment) {
    return given()
        .get("/api/v1/environments/" + environment + "/coverage")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void no_schema_file_is_unknown_with_a_finding_that_names_where_it_looked() throws Exception {
    Files.delete(folder.root().resolve("schema.prisma"));
    String environment = Environments.register(target, folder);
    JsonPath audit = Environments.audit(environment);

    assertThat(audit.getString("findings.find { it.code == 'CV004' }.message"))
        .contains(folder.root().resolve("schema.prisma").toString());
    assertThat(audit.getString("findings.find { it.code == 'CV004' }.help"))
        .contains("source.schemaPath");
    assertThat(audit.get("summary.coverageRatio") == null).isTrue();
    JsonPath coverage = coverage(environment);
    assertThat(coverage.getString("status")).isEqualTo("UNKNOWN");
    assertThat(coverage.get("ratio") == null).as("no ratio over nothing").isTrue();
    assertThat(coverage.getString("reason")).contains("source.schemaPath");
    assertThat(coverage.getList("schemaFiles")).isEmpty();
  }

  @Test
  void a_schema_without_models_is_unknown_with_an_info_finding() throws Exception {
    Files.writeString(folder.root().resolve("schema.prisma"), CONFIG_ONLY);
    String environment = Environments.register(target, folder);
    JsonPath audit = Environments.audit(environment);

    assertThat(audit.getString("findings.find { it.code == 'CV005' }.severity")).isEqualTo("INFO");
    JsonPath coverage = coverage(environment);
    assertThat(coverage.getString("status")).isEqualTo("UNKNOWN");
    assertThat(coverage.get("ratio") == null).isTrue();
    assertThat(coverage.getList("schemaFiles")).containsExactly("schema.prisma");
  }

  @Test
  void models_in_files_beside_schema_prisma_are_measured() throws Exception {
    Files.writeString(folder.root().resolve("schema.prisma"), CONFIG_ONLY);
    Path models = Files.createDirectories(folder.root().resolve("models"));
    Files.writeString(
        models.resolve("user.prisma"),
        "/** A user. */\nmodel User {\n  id Int @id @default(autoincrement())\n}\n");
    String environment = Environments.register(target, folder);
    JsonPath audit = Environments.audit(environment);

    assertThat(audit.getList("findings.code", String.class))
        .doesNotContain("CV003", "CV004", "CV005");
    JsonPath coverage = coverage(environment);
    assertThat(coverage.getString("status")).isEqualTo("MEASURED");
    assertThat(coverage.getDouble("ratio")).isEqualTo(1.0);
    assertThat(coverage.getInt("counted")).isEqualTo(2);
    assertThat(coverage.getList("schemaFiles"))
        .containsExactly("models/user.prisma", "schema.prisma");
  }
}
