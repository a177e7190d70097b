package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.driftwatch.testing.Checksums;
import io.driftwatch.testing.GitRepo;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.driftwatch.testing.TestSources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An admin token registers sources, but must not be a key to the service's own host: nothing is
 * read through a link, nothing outside the source's folder, nothing outside DRIFTWATCH_SOURCE_ROOTS
 * (the temporary directory in tests), and never driftwatch's own data.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class SourceBoundsTest {

  private static final String PROBLEM = "application/problem+json";
  private static final String INIT = "20240101000000_init";

  /** Outside the roots, wherever the checkout is. */
  private static final Path OUTSIDE = TestSources.outside("dw-source-bounds-outside");

  private static final Path DATA_DIR = TestSources.root().resolve("driftwatch-test");

  private TargetDatabase target;
  private PrismaFolder folder;
  private final List<Path> cleanUp = new ArrayList<>();

  @BeforeEach
  void create() {
    target = TargetDatabase.create().managedByPrisma();
    folder = PrismaFolder.create().migration(INIT, "SELECT 1;\n");
    target.row(INIT, Checksums.of("SELECT 1;\n"), true);
  }

  @AfterEach
  void close() throws IOException {
    folder.close();
    target.close();
    for (Path path : cleanUp) {
      delete(path);
    }
  }

  @Test
  void a_symlinked_migration_sql_is_reported_unreadable_and_never_read() throws Exception {
    Path secret = secretFile();
    Path evil = Files.createDirectories(folder.migrations().resolve("20240102000000_evil"));
    Files.createSymbolicLink(evil.resolve("migration.sql"), secret);
    String name = register(Map.of("type", "path", "path", folder.path()));

    JsonPath audit = Environments.audit(name);
    String plan =
        given().accept(ContentType.JSON).get("/api/v1/environments/" + name + "/plan").asString();

    assertThat(audit.getString("findings.find { it.migration == '20240102000000_evil' }.name"))
        .isEqualTo("UNREADABLE_MIGRATION_SCRIPT");
    assertThat(audit.getString("findings.find { it.migration == '20240102000000_evil' }.message"))
        .contains("symbolic link");
    assertThat(audit.prettify() + plan)
        .doesNotContain("hunter2token")
        .doesNotContain("leaked_rows");
  }

  @Test
  void a_symlinked_migration_folder_is_not_a_migration() throws Exception {
    Path elsewhere =
        Files.createDirectories(tracked(Files.createTempDirectory("dw-elsewhere")).resolve("m"));
    Files.writeString(elsewhere.resolve("migration.sql"), "DROP TABLE leaked_rows;\n");
    Files.createSymbolicLink(folder.migrations().resolve("20240102000000_linked"), elsewhere);
    String name = register(Map.of("type", "path", "path", folder.path()));

    JsonPath audit = Environments.audit(name);

    assertThat(audit.getList("history.migrations.name"))
        .contains(INIT)
        .doesNotContain("20240102000000_linked");
    assertThat(audit.prettify()).doesNotContain("leaked_rows");
  }

  @Test
  void migrations_path_outside_the_folder_is_400_naming_the_field() {
    for (String escape :
        List.of("/etc", "/proc/self", "../..", "../../../etc", "migrations/../../..")) {
      refused(Map.of("type", "path", "path", folder.path(), "migrationsPath", escape))
          .body("detail", containsString("source.migrationsPath"));
    }
  }

  @Test
  void schema_path_outside_the_folder_is_400_naming_the_field() {
    for (String escape : List.of("/etc/passwd", "../../../etc/passwd", "/proc/self/environ")) {
      refused(Map.of("type", "path", "path", folder.path(), "schemaPath", escape))
          .body("detail", containsString("source.schemaPath"));
    }
  }

  @Test
  void a_migrations_path_through_a_link_is_400() throws Exception {
    Files.createSymbolicLink(folder.root().resolve("out"), Path.of("/etc"));
    refused(Map.of("type", "path", "path", folder.path(), "migrationsPath", "out"))
        .body("detail", containsString("source.migrationsPath"))
        .body("detail", containsString("symbolic link"));
  }

  @Test
  void a_migrations_folder_swapped_for_a_link_after_saving_fails_the_audit() throws Exception {
    String name = register(Map.of("type", "path", "path", folder.path()));
    delete(folder.migrations());
    Files.createSymbolicLink(folder.migrations(), Path.of("/etc"));

    JsonPath audit = Environments.audit(name);

    assertThat(audit.getString("outcome")).isEqualTo("ERROR");
    assertThat(audit.getString("error.message")).contains("symbolic link");
    assertThat(audit.prettify()).doesNotContain("passwd").doesNotContain("hostname");
  }

  @Test
  void a_path_outside_the_roots_is_400_naming_the_setting() {
    try (PrismaFolder outside = PrismaFolder.createIn(OUTSIDE).migration(INIT, "SELECT 1;\n")) {
      refused(Map.of("type", "path", "path", outside.path()))
          .body("detail", containsString("DRIFTWATCH_SOURCE_ROOTS"));
    }
  }

  @Test
  void a_file_url_outside_the_roots_is_400_naming_the_setting() {
    try (GitRepo outside =
        GitRepo.createIn(OUTSIDE)
            .write("prisma/migrations/" + INIT + "/migration.sql", "SELECT 1;\n")) {
      outside.commit("Init", "Ada", Instant.parse("2025-01-01T00:00:00Z"));
      refused(Map.of("type", "git", "url", outside.url(), "ref", "main", "path", "prisma"))
          .body("detail", containsString("source.url"))
          .body("detail", containsString("DRIFTWATCH_SOURCE_ROOTS"));
    }
  }

  @Test
  void a_path_source_moved_outside_the_roots_after_saving_fails_the_audit() throws Exception {
    try (PrismaFolder outside = PrismaFolder.createIn(OUTSIDE).migration(INIT, "SELECT 1;\n")) {
      Path link =
          tracked(Files.createTempDirectory(TestSources.root(), "dw-moved")).resolve("prisma");
      Files.move(folder.root(), link);
      String name = register(Map.of("type", "path", "path", link.toString()));
      delete(link);
      Files.createSymbolicLink(link, outside.root());

      JsonPath audit = Environments.audit(name);

      assertThat(audit.getString("outcome")).isEqualTo("ERROR");
      assertThat(audit.getString("error.message")).contains("DRIFTWATCH_SOURCE_ROOTS");
    }
  }

  @Test
  void a_file_repository_moved_outside_the_roots_after_saving_fails_the_audit() throws Exception {
    try (GitRepo inside =
            GitRepo.create().write("prisma/migrations/" + INIT + "/migration.sql", "SELECT 1;\n");
        GitRepo outside =
            GitRepo.createIn(OUTSIDE)
                .write("prisma/migrations/" + INIT + "/migration.sql", "SELECT 1;\n")) {
      inside.commit("Init", "Ada", Instant.parse("2025-01-01T00:00:00Z"));
      outside.commit("Init", "Ada", Instant.parse("2025-01-01T00:00:00Z"));
      Path link =
          tracked(Files.createTempDirectory(TestSources.root(), "dw-moved")).resolve("repo");
      Files.createSymbolicLink(link, inside.root());
      String name =
          register(
              Map.of(
                  "type", "git", "url", link.toUri().toString(), "ref", "main", "path", "prisma"));
      Files.delete(link);
      Files.createSymbolicLink(link, outside.root());

      JsonPath audit = Environments.audit(name);

      assertThat(audit.getString("outcome")).isEqualTo("ERROR");
      assertThat(audit.getString("error.message")).contains("DRIFTWATCH_SOURCE_ROOTS");
    }
  }

  @Test
  void the_data_dirs_own_files_are_never_a_source_though_it_is_below_a_root() throws Exception {
    // What a quick start keeps in the data dir, as decoys: the test profile configures its key and
    // token.
    decoy(DATA_DIR.resolve("master.key"), "decoy-master-key");
    decoy(DATA_DIR.resolve("admin.token"), "decoy-admin-token");
    decoy(DATA_DIR.resolve("pgdata/migrations/" + INIT + "/migration.sql"), "SELECT 1;\n");
    Path mirror = DATA_DIR.resolve("git/decoy-mirror.git");
    if (!Files.exists(mirror)) {
      cleanUp.add(mirror);
      Git.init().setBare(true).setDirectory(mirror.toFile()).call().close();
    }
    Files.createSymbolicLink(folder.root().resolve("key.prisma"), DATA_DIR.resolve("master.key"));

    for (Map<String, String> source :
        List.of(
            Map.of(
                "type",
                "path",
                "path",
                DATA_DIR.toString(),
                "migrationsPath",
                "pgdata/migrations",
                "schemaPath",
                "master.key"),
            Map.of("type", "path", "path", DATA_DIR.resolve("pgdata").toString()),
            Map.of(
                "type",
                "path",
                "path",
                DATA_DIR.getParent().toString(),
                "migrationsPath",
                "driftwatch-test/pgdata/migrations"),
            Map.of("type", "git", "url", mirror.toUri().toString(), "ref", "main"))) {
      refused(source).body("detail", containsString("driftwatch's own data"));
    }
    refused(Map.of("type", "path", "path", folder.path(), "schemaPath", "key.prisma"))
        .body("detail", containsString("symbolic link"));
  }

  private String register(Map<String, String> source) {
    String name = "bounds-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name", name, "tier", "other", "databaseUrl", target.prismaUrl(), "source", source))
        .post("/api/v1/environments")
        .then()
        .statusCode(201);
    return name;
  }

  private ValidatableResponse refused(Map<String, String> source) {
    return given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "bounds-" + UUID.randomUUID().toString().substring(0, 8),
                "tier",
                "other",
                "databaseUrl",
                target.prismaUrl(),
                "source",
                source))
        .post("/api/v1/environments")
        .then()
        .statusCode(400)
        .contentType(PROBLEM);
  }

  /** A file only root may read, whose first token and SQL-looking line a leak would show. */
  private Path secretFile() throws IOException {
    Path secret = tracked(Files.createTempFile("dw-secret", ".txt"));
    Files.writeString(secret, "hunter2token is the password\nDROP TABLE leaked_rows;\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    return secret;
  }

  private void decoy(Path file, String content) throws IOException {
    if (Files.exists(file)) {
      return;
    }
    Path created = file;
    while (!Files.exists(created.getParent())) {
      created = created.getParent();
    }
    cleanUp.add(created);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private Path tracked(Path path) {
    cleanUp.add(path);
    return path;
  }

  private static void delete(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (Files.isSymbolicLink(path)) {
      Files.delete(path);
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }
}
