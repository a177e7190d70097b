package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.Checksums;
import io.driftwatch.testing.GitRepo;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.driftwatch.testing.TestSources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A repository is input from strangers: links are not followed, sizes are bounded, binaries are
 * named.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class HostileRepositoryTest {

  private static final String MIGRATIONS = "prisma/migrations/";
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  private TargetDatabase target;
  private GitRepo repo;

  @BeforeEach
  void create() {
    target = TargetDatabase.create().managedByPrisma();
    repo =
        GitRepo.create()
            .write(MIGRATIONS + "20240101000000_init/migration.sql", "SELECT 1;\n")
            .write(
                "prisma/schema.prisma",
                "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n");
  }

  @AfterEach
  void cleanUp() {
    target.close();
    repo.close();
  }

  private JsonPath audit() {
    String name = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                name,
                "tier",
                "other",
                "databaseUrl",
                target.prismaUrl(),
                "source",
                Map.of("type", "git", "url", repo.url(), "ref", "main", "path", "prisma")))
        .post("/api/v1/environments")
        .then()
        .statusCode(201);
    return Environments.audit(name);
  }

  private static String findingOf(JsonPath audit, String migration) {
    return audit.getString("findings.find { it.migration == '" + migration + "' }.name");
  }

  @Test
  void symlink_to_etc_is_reported_never_followed() {
    repo.symlink(MIGRATIONS + "20240102000000_evil/migration.sql", "/etc/passwd")
        .symlink(MIGRATIONS + "20240103000000_evil_dir", "/etc")
        .commit("Hostile links", "Mallory", NOW);
    target.row("20240101000000_init", Checksums.of("SELECT 1;\n"), true);
    JsonPath audit = audit();

    assertThat(audit.getString("outcome")).isEqualTo("DRIFT");
    assertThat(findingOf(audit, "20240102000000_evil")).isEqualTo("UNREADABLE_MIGRATION_SCRIPT");
    assertThat(audit.getString("findings.find { it.migration == '20240102000000_evil' }.message"))
        .contains("symbolic link");
    assertThat(audit.getList("history.migrations.name")).doesNotContain("20240103000000_evil_dir");
    assertThat(audit.prettify()).doesNotContain("root:x:0:0");
  }

  @Test
  void fifty_megabyte_script_is_not_read() {
    byte[] huge = new byte[50 * 1024 * 1024];
    Arrays.fill(huge, (byte) '-');
    repo.writeBytes(MIGRATIONS + "20240102000000_huge/migration.sql", huge)
        .commit("Data dump", "Mallory", NOW);
    target.row("20240101000000_init", Checksums.of("SELECT 1;\n"), true);
    JsonPath audit = audit();

    assertThat(audit.getString("outcome")).isEqualTo("DRIFT");
    assertThat(
            audit.getString(
                "findings.find { it.migration == '20240102000000_huge' && it.name == 'UNREADABLE_MIGRATION_SCRIPT' }.message"))
        .contains("52428800 bytes, over the limit of 16777216");
  }

  @Test
  void binary_script_is_named_as_such() {
    repo.writeBytes(
            MIGRATIONS + "20240102000000_binary/migration.sql",
            new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2})
        .commit("Oops", "Mallory", NOW);
    target.row("20240101000000_init", Checksums.of("SELECT 1;\n"), true);
    JsonPath audit = audit();
    assertThat(audit.getString("findings.find { it.name == 'INVALID_SCRIPT_ENCODING' }.message"))
        .contains("binary file");
  }

  @Test
  void nothing_is_checked_out_and_the_mirror_is_bare() throws Exception {
    repo.commit("Init", "Ada", NOW);
    target.row("20240101000000_init", Checksums.of("SELECT 1;\n"), true);
    assertThat(audit().getString("outcome")).isEqualTo("CLEAN");
    try (var mirrors = Files.list(TestSources.root().resolve("driftwatch-test").resolve("git"))) {
      assertThat(
              mirrors
                  .filter(Files::isDirectory)
                  .filter(dir -> !dir.getFileName().toString().equals("ssh")))
          .allSatisfy(
              dir -> {
                assertThat(dir.resolve("HEAD")).exists();
                assertThat(dir.resolve("prisma")).doesNotExist();
              });
    }
  }
}
