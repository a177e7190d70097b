package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.AdminTokenByDefault;
import io.driftwatch.testing.FakeSlack;
import io.driftwatch.testing.GitRepo;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.driftwatch.testing.TestPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Secrets go in and never come out (database passwords, git tokens, webhook URLs, API tokens after
 * the response that issued them): every response of every kind of request, and the service's log of
 * the run, are scanned for the database password, the git token and the webhook URL used.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class SecretLeakTest {

  private static final String DB_PASSWORD = "pw-Secr3t-db-7f3a";
  private static final String GIT_TOKEN = "tok-Secr3t-git-91c2";
  private static final String HOOK_PATH = "hook-Secr3t-slack-5e8d";

  @Test
  void secrets_never_appear_in_responses_or_logs() throws Exception {
    List<String> bodies = new ArrayList<>();
    String issuedToken;
    TestPostgres.Server server = TestPostgres.server();
    try (TargetDatabase target = TargetDatabase.create().managedByPrisma();
        PrismaFolder folder =
            PrismaFolder.create().migration("20240101000000_init", "SELECT 1;\n");
        GitRepo repo =
            GitRepo.create()
                .write("prisma/migrations/20240101000000_init/migration.sql", "SELECT 1;\n");
        FakeSlack slack = FakeSlack.start().then(new FakeSlack.Answer(500, null, "oops"))) {
      target.deploy("20240102000000_phantom", "SELECT 2;");
      repo.commit("Init", "Ada", Instant.parse("2024-01-01T00:00:00Z"));
      String webhook = slack.webhookUrl().replaceFirst("secret\\d+$", HOOK_PATH);
      String working = "secrets-" + UUID.randomUUID().toString().substring(0, 8);
      String unreachable = working + "-down";
      String git = working + "-git";

      bodies.add(
          post(
              Map.of(
                  "name",
                  working,
                  "tier",
                  "production",
                  "databaseUrl",
                  target.prismaUrlWithPassword(DB_PASSWORD),
                  "source",
                  Map.of("type", "path", "path", folder.path()),
                  "alerts",
                  Map.of("slackWebhookUrl", webhook),
                  "shadowDatabaseUrl",
                  "postgresql://"
                      + server.user()
                      + ":"
                      + DB_PASSWORD
                      + "@"
                      + server.host()
                      + ":"
                      + server.port()
                      + "/postgres")));
      bodies.add(
          post(
              Map.of(
                  "name",
                  unreachable,
                  "tier",
                  "staging",
                  "databaseUrl",
                  "postgresql://app:" + DB_PASSWORD + "@127.0.0.1:1/app?sslpassword=" + DB_PASSWORD,
                  "source",
                  Map.of("type", "path", "path", folder.path()))));
      bodies.add(
          post(
              Map.of(
                  "name",
                  git,
                  "tier",
                  "other",
                  "databaseUrl",
                  "postgresql://"
                      + server.user()
                      + ":"
                      + DB_PASSWORD
                      + "@"
                      + server.host()
                      + ":"
                      + server.port()
                      + "/"
                      + target.name(),
                  "source",
                  Map.of(
                      "type",
                      "git",
                      "url",
                      repo.url(),
                      "ref",
                      "main",
                      "path",
                      "prisma",
                      "credentials",
                      Map.of("token", GIT_TOKEN)))));
      bodies.add(
          post(
              Map.of(
                  "name",
                  working,
                  "tier",
                  "production",
                  "databaseUrl",
                  "mysql://u:" + DB_PASSWORD + "@h/d",
                  "source",
                  Map.of("type", "path", "path", folder.path()))));

      for (String environment : List.of(working, unreachable, git)) {
        bodies.add(given().post("/api/v1/environments/" + environment + "/audits").asString());
        bodies.add(given().get("/api/v1/environments/" + environment).asString());
        bodies.add(given().get("/api/v1/environments/" + environment + "/status").asString());
        bodies.add(given().get("/api/v1/environments/" + environment + "/audits").asString());
        bodies.add(given().get("/api/v1/environments/" + environment + "/findings").asString());
        bodies.add(given().get("/api/v1/environments/" + environment + "/drift").asString());
        bodies.add(given().get("/api/v1/environments/" + environment + "/coverage").asString());
      }
      bodies.add(given().post("/api/v1/environments/" + working + "/alerts/test").asString());
      bodies.add(given().get("/api/v1/environments").asString());
      slack.awaitDelivered(2, 15_000);
      bodies.add(given().get("/q/metrics").asString());
      bodies.add(given().get("/api/v1/alerts/deliveries?environment=" + working).asString());
      assertThat(slack.delivered()).as("the alerts did go out (through a 500 first)").isNotEmpty();

      issuedToken =
          given()
              .contentType(ContentType.JSON)
              .body(Map.of("name", working, "role", "viewer"))
              .post("/api/v1/tokens")
              .then()
              .statusCode(201)
              .extract()
              .path("token");
      bodies.add(given().auth().oauth2(issuedToken).get("/api/v1/environments").asString());
      bodies.add(given().get("/api/v1/tokens").asString());
      bodies.add(given().get("/api/v1/changes?limit=1000").asString());
      bodies.add(
          given().auth().oauth2(issuedToken).delete("/api/v1/environments/" + working).asString());
      bodies.add(given().auth().oauth2(issuedToken + "x").get("/api/v1/environments").asString());
    }

    String log = Files.readString(Path.of("target", "quarkus-test.log"));
    assertThat(log).as("the service logged this run").isNotBlank();
    for (String secret :
        List.of(DB_PASSWORD, GIT_TOKEN, HOOK_PATH, issuedToken, AdminTokenByDefault.ADMIN_TOKEN)) {
      assertThat(bodies)
          .as("no response holds %s", secret)
          .noneMatch(body -> body.contains(secret));
      assertThat(log).as("the log never holds %s", secret).doesNotContain(secret);
    }
  }

  private static String post(Map<String, Object> body) {
    Response response =
        given().contentType(ContentType.JSON).body(body).post("/api/v1/environments");
    return response.asString();
  }
}
