package io.driftwatch.cli;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.driftwatch.testing.CheckedProject;
import io.driftwatch.testing.StoreDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The GitHub composite action's script ({@code deploy/github/driftwatch-check/check.sh}) run as a
 * runner runs it, against this service and a stand-in for GitHub's API: the exit codes, the step's
 * outputs and summary, the annotations, and one pull-request comment posted and then updated.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class GithubActionScriptTest {

  private static final Path SCRIPT = Path.of("deploy/github/driftwatch-check/check.sh");
  private static final String GITHUB_TOKEN = "ghs_stand-in-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/")
  URL service;

  private CheckedProject project;
  private HttpServer github;
  private final List<ObjectNode> comments = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();
  private String token;
  private Path workspace;

  /** What one run of the script left. */
  record Run(int exit, String out, String outputs, String summary) {}

  @BeforeEach
  void create() throws IOException {
    project = CheckedProject.register("gha-");
    project
        .repo()
        .branch("feature/posts")
        .write(
            CheckedProject.MIGRATIONS + "20240102000000_posts/migration.sql",
            "CREATE TABLE \"Post\" (\"id\" INTEGER NOT NULL);\n");
    project.repo().commit("posts", "Ada", CheckedProject.AT.plusSeconds(60));
    token =
        given()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "name",
                    "gha-" + project.environment(),
                    "role",
                    "checker",
                    "environments",
                    List.of(project.environment())))
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token");
    workspace = Files.createTempDirectory("gha-workspace");
    github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    github.createContext("/repos/acme/app/issues", this::answerGithub);
    github.start();
  }

  @AfterEach
  void cleanUp() throws IOException {
    github.stop(0);
    project.close();
    try (var paths = Files.walk(workspace)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** Lists, posts and updates the pull request's comments, as GitHub's REST API does. */
  private synchronized void answerGithub(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    calls.add(method + " " + path);
    byte[] answer;
    int status = 200;
    if (!("Bearer " + GITHUB_TOKEN)
        .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      status = 401;
      answer = "{\"message\": \"Bad credentials\"}".getBytes(StandardCharsets.UTF_8);
    } else if (method.equals("GET") && path.equals("/repos/acme/app/issues/7/comments")) {
      ArrayNode list = JSON.createArrayNode();
      comments.forEach(list::add);
      answer = JSON.writeValueAsBytes(list);
    } else if (method.equals("POST") && path.equals("/repos/acme/app/issues/7/comments")) {
      ObjectNode comment = (ObjectNode) JSON.readTree(exchange.getRequestBody());
      comment.put("id", 1000 + comments.size());
      comments.add(comment);
      status = 201;
      answer = JSON.writeValueAsBytes(comment);
    } else if (method.equals("PATCH") && path.startsWith("/repos/acme/app/issues/comments/")) {
      long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      ObjectNode comment =
          comments.stream().filter(c -> c.path("id").asLong() == id).findFirst().orElseThrow();
      comment.put("body", body.path("body").asText());
      answer = JSON.writeValueAsBytes(comment);
    } else {
      status = 404;
      answer = "{}".getBytes(StandardCharsets.UTF_8);
    }
    exchange.sendResponseHeaders(status, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  private Run run(Map<String, String> inputs) throws Exception {
    Path outputs = Files.createTempFile(workspace, "output", ".txt");
    Path summary = Files.createTempFile(workspace, "summary", ".md");
    Map<String, String> env = new HashMap<>();
    env.put("DRIFTWATCH_SERVER", service.toString());
    env.put("DRIFTWATCH_ENVIRONMENT", project.environment());
    env.put("DRIFTWATCH_TOKEN", token);
    env.put("DRIFTWATCH_REF", "feature/posts");
    env.put("DRIFTWATCH_PULL_REQUEST", "7");
    env.put("GITHUB_TOKEN", GITHUB_TOKEN);
    env.put("GITHUB_API_URL", "http://127.0.0.1:" + github.getAddress().getPort());
    env.put("GITHUB_REPOSITORY", "acme/app");
    env.put("GITHUB_OUTPUT", outputs.toString());
    env.put("GITHUB_STEP_SUMMARY", summary.toString());
    env.putAll(inputs);
    ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toAbsolutePath().toString());
    builder.environment().putAll(env);
    builder.directory(workspace.toFile());
    builder.redirectErrorStream(true);
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the script ends").isTrue();
    return new Run(
        process.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        Files.readString(outputs),
        Files.readString(summary));
  }

  @Test
  void one_comment_is_posted_then_updated_and_the_step_exits_as_the_verdict_says()
      throws Exception {
    Run warned = run(Map.of());

    assertThat(warned.exit()).as(warned.out()).isZero();
    assertThat(warned.outputs()).contains("verdict=WARN").containsPattern("check-id=[0-9a-f-]{36}");
    assertThat(warned.summary())
        .startsWith("### driftwatch: ⚠️ WARN for `" + project.environment());
    assertThat(warned.out()).contains("::warning title=HI001 PENDING_MIGRATION::");
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).path("body").asText())
        .startsWith(
            "<!-- driftwatch-check: " + project.environment() + " -->\n### driftwatch: ⚠️ WARN");

    Run failed = run(Map.of("DRIFTWATCH_FAIL_ON", "HI001, MS:ERROR"));
    Run strict = run(Map.of("DRIFTWATCH_STRICT", "true"));

    assertThat(failed.exit()).as(failed.out()).isEqualTo(1);
    assertThat(failed.outputs()).contains("verdict=FAIL");
    assertThat(failed.out()).contains("::error title=HI001 PENDING_MIGRATION::");
    assertThat(strict.exit()).isEqualTo(2);
    assertThat(comments).as("still one comment, updated").hasSize(1);
    assertThat(calls).containsOnlyOnce("POST /repos/acme/app/issues/7/comments");
    assertThat(calls).contains("PATCH /repos/acme/app/issues/comments/1000");
  }

  @Test
  void an_uploaded_folder_is_checked_without_the_ref() throws Exception {
    Path prisma = Files.createDirectories(workspace.resolve("prisma/migrations"));
    Files.writeString(prisma.resolve("migration_lock.toml"), "provider = \"postgresql\"\n");
    Files.writeString(
        prisma.getParent().resolve("schema.prisma"),
        "datasource db {\n  provider = \"postgresql\"\n}\n");
    Files.createDirectories(prisma.resolve(CheckedProject.INIT));
    Files.writeString(
        prisma.resolve(CheckedProject.INIT + "/migration.sql"), CheckedProject.INIT_SQL);

    Run passed =
        run(
            Map.of(
                "DRIFTWATCH_UPLOAD",
                "prisma",
                "DRIFTWATCH_REF",
                "pr-7",
                "DRIFTWATCH_COMMENT",
                "false"));

    assertThat(passed.exit()).as(passed.out()).isZero();
    assertThat(passed.outputs()).contains("verdict=PASS");
    assertThat(passed.summary()).contains("at `pr-7`");
    assertThat(comments).as("no comment asked for").isEmpty();
  }

  @Test
  void a_refused_request_exits_4_and_an_unreachable_service_3() throws Exception {
    Run otherEnvironment = run(Map.of("DRIFTWATCH_ENVIRONMENT", "not-this-tokens"));
    Run badInput = run(Map.of("DRIFTWATCH_ENVIRONMENT", "../tokens"));
    Run unreachable = run(Map.of("DRIFTWATCH_SERVER", "http://127.0.0.1:1"));

    assertThat(otherEnvironment.exit()).as(otherEnvironment.out()).isEqualTo(4);
    assertThat(otherEnvironment.out())
        .contains("answered 403")
        .contains("limited to the environments");
    assertThat(badInput.exit()).isEqualTo(4);
    assertThat(unreachable.exit()).isEqualTo(3);
    assertThat(unreachable.out()).contains("::error title=driftwatch check::cannot reach");
    assertThat(otherEnvironment.out() + unreachable.out()).doesNotContain(token);
  }
}
