package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.testing.AdminTokenByDefault;
import io.driftwatch.testing.CheckedProject;
import io.driftwatch.testing.GitRepo;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code driftwatch check --server}: the command asks a running service to check a branch, with the
 * token from DRIFTWATCH_TOKEN, and exits as the verdict says.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class CheckCommandServerTest {

  private static final String MIGRATIONS = CheckedProject.MIGRATIONS;
  private static final String INIT = CheckedProject.INIT;
  private static final String INIT_SQL = CheckedProject.INIT_SQL;
  private static final Instant AT = CheckedProject.AT;

  @TestHTTPResource("/")
  URL service;

  private CheckedProject project;
  private TargetDatabase target;
  private GitRepo repo;
  private String environment;

  @BeforeEach
  void create() {
    project = CheckedProject.register("cli-");
    target = project.target();
    repo = project.repo();
    environment = project.environment();
  }

  @AfterEach
  void cleanUp() {
    project.close();
  }

  private CheckCommandLocalTest.Run askWith(String token, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("check", "--server", service.toString(), "--environment", environment));
    args.addAll(List.of(more));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        DriftwatchCommand.run(
            new PrintWriter(out),
            new PrintWriter(err),
            token == null ? Map.of() : Map.of("DRIFTWATCH_TOKEN", token),
            args.toArray(String[]::new));
    return new CheckCommandLocalTest.Run(exit, out.toString(), err.toString());
  }

  private CheckCommandLocalTest.Run ask(String... more) {
    return askWith(AdminTokenByDefault.ADMIN_TOKEN, more);
  }

  @Test
  void a_branch_with_a_pending_migration_warns_and_strict_makes_it_exit_2() {
    repo.branch("feature/posts")
        .write(
            MIGRATIONS + "20240102000000_posts/migration.sql",
            "CREATE TABLE \"Post\" (\"id\" INTEGER NOT NULL);\n");
    repo.commit("posts", "Ada", AT.plusSeconds(60));

    CheckCommandLocalTest.Run lenient = ask("--ref", "feature/posts");
    CheckCommandLocalTest.Run strict = ask("--ref", "feature/posts", "--strict");
    CheckCommandLocalTest.Run markdown = ask("--ref", "feature/posts", "--format", "markdown");

    assertThat(lenient.exit()).as(lenient.err()).isZero();
    assertThat(lenient.out())
        .startsWith("driftwatch check: WARN for " + environment + " at feature/posts (")
        .contains("PENDING     20240102000000_posts");
    assertThat(strict.exit()).isEqualTo(ExitCode.WARN.code());
    assertThat(markdown.out())
        .startsWith("### driftwatch: ⚠️ WARN for `" + environment + "` at `feature/posts`");
  }

  @Test
  void a_branch_that_edits_an_applied_migration_fails_exit_1() throws Exception {
    repo.branch("feature/edit")
        .write(MIGRATIONS + INIT + "/migration.sql", INIT_SQL + "-- edited\n");
    repo.commit("edit", "Ada", AT.plusSeconds(60));

    CheckCommandLocalTest.Run run = ask("--ref", "feature/edit", "--format", "json");

    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.FAIL.code());
    JsonNode check = new ObjectMapper().readTree(run.out());
    assertThat(check.path("verdict").asText()).isEqualTo("FAIL");
    assertThat(check.path("reasons").findValuesAsText("effect")).contains("FAIL");
  }

  @Test
  void the_callers_policy_is_sent_with_the_check() {
    repo.branch("feature/posts")
        .write(
            MIGRATIONS + "20240102000000_posts/migration.sql",
            "CREATE TABLE \"Post\" (\"id\" INTEGER NOT NULL);\n");
    repo.commit("posts", "Ada", AT.plusSeconds(60));

    assertThat(ask("--ref", "feature/posts", "--fail-on", "HI001").exit())
        .isEqualTo(ExitCode.FAIL.code());
  }

  @Test
  void without_a_ref_the_folder_of_dir_is_uploaded() throws Exception {
    Path prisma = Files.createTempDirectory("cli-upload");
    try {
      Path init = Files.createDirectories(prisma.resolve("migrations/" + INIT));
      Files.writeString(init.resolve("migration.sql"), INIT_SQL);
      Files.writeString(
          prisma.resolve("schema.prisma"), "datasource db {\n  provider = \"postgresql\"\n}\n");

      CheckCommandLocalTest.Run run =
          ask("--dir", prisma.toString(), "--label", "pr-9", "--format", "json");

      assertThat(run.exit()).as(run.err()).isZero();
      JsonNode check = new ObjectMapper().readTree(run.out());
      assertThat(check.path("verdict").asText()).isEqualTo("PASS");
      assertThat(check.path("ref").asText()).isEqualTo("pr-9");
      assertThat(check.path("audit").path("source").path("type").asText()).isEqualTo("upload");

      Files.createSymbolicLink(prisma.resolve("escape"), Path.of("/etc"));
      CheckCommandLocalTest.Run link = ask("--dir", prisma.toString());
      assertThat(link.exit()).isEqualTo(ExitCode.USAGE.code());
      assertThat(link.err()).contains("--dir cannot be uploaded: escape is not a plain file");
      assertThat(ask("--dir", prisma.toString(), "--ref", "main").err())
          .contains("--ref and --dir exclude each other");
    } finally {
      try (var paths = Files.walk(prisma)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Test
  void a_request_the_service_refuses_exits_4_with_its_detail() {
    CheckCommandLocalTest.Run unknown =
        DriftwatchCommandRun.of(
            "check", "--server", service.toString(), "--environment", "nope", "--ref", "main");
    CheckCommandLocalTest.Run badRef = ask("--ref", "-bad..ref");
    CheckCommandLocalTest.Run wrongToken = askWith("not-a-token-of-this-service", "--ref", "main");

    assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(badRef.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(badRef.err()).contains("answered 400");
    assertThat(wrongToken.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(wrongToken.err()).contains("answered 401");
    assertThat(ask("--ref", "main").exit()).isZero();
  }

  @Test
  void a_service_that_does_not_answer_exits_3() {
    CheckCommandLocalTest.Run run =
        DriftwatchCommandRun.of(
            "check", "--server", "http://127.0.0.1:1", "--environment", "x", "--ref", "main");

    assertThat(run.exit()).isEqualTo(ExitCode.UNREADABLE.code());
    assertThat(run.err()).contains("cannot reach http://127.0.0.1:1");
  }

  /** A run with no token. */
  private static final class DriftwatchCommandRun {
    static CheckCommandLocalTest.Run of(String... args) {
      return CheckCommandLocalTest.run(args);
    }
  }
}
