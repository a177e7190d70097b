package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.driftwatch.testing.GitRepo;
import io.driftwatch.testing.HttpGitServer;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.driftwatch.testing.TestPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Git credentials are bound to the scheme, host and port of their URL: a change of any of them
 * drops the stored ones (unless new ones come with it), a token never goes over plain http, and a
 * URL never holds a credential, nor shows one from a row stored before these rules.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class GitCredentialScopeTest {

  private static final String INIT = "20240101000000_init";
  private static final String TOKEN = "ghp_scopeTok3n91c2";
  private static final String OTHER_TOKEN = "ghp_otherTok3n5e8d";
  private static final String URL_SECRET = "urlSecr3t7f3a";

  private TargetDatabase target;
  private GitRepo repo;
  private HttpGitServer https;
  private AutoCloseable trust;

  @BeforeEach
  void start() throws Exception {
    target = TargetDatabase.create().managedByPrisma().deploy(INIT, "SELECT 1;\n");
    repo =
        GitRepo.create()
            .write("prisma/migrations/" + INIT + "/migration.sql", "SELECT 1;\n")
            .write(
                "prisma/schema.prisma",
                "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n");
    repo.commit("Init", "Ada", Instant.parse("2024-01-01T00:00:00Z"));
    https = HttpGitServer.serveHttps(repo.repository(), "x-access-token", TOKEN);
    trust = HttpGitServer.trustedByGit();
  }

  @AfterEach
  void stop() throws Exception {
    trust.close();
    https.close();
    repo.close();
    target.close();
  }

  private static Map<String, Object> source(String url, Map<String, String> credentials) {
    Map<String, Object> source =
        new HashMap<>(Map.of("type", "git", "url", url, "ref", "main", "path", "prisma"));
    if (credentials != null) {
      source.put("credentials", credentials);
    }
    return source;
  }

  private String register(String url, Map<String, String> credentials) {
    String name = "scope-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                name,
                "tier",
                "production",
                "databaseUrl",
                target.prismaUrl(),
                "source",
                source(url, credentials)))
        .post("/api/v1/environments")
        .then()
        .statusCode(201);
    return name;
  }

  private String registerWithToken() {
    return register(https.url(), Map.of("token", TOKEN));
  }

  private static ValidatableResponse put(String name, String url, Map<String, String> credentials) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", name, "tier", "production", "source", source(url, credentials)))
        .put("/api/v1/environments/" + name)
        .then();
  }

  private static List<String> changes(String name) {
    return given()
        .get("/api/v1/changes?limit=1000")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("findAll { it.subject == '" + name + "' }.details", String.class);
  }

  /** Writes a source row as one stored before the save-time checks existed. */
  private static void storeSourceUrl(String name, String url) throws Exception {
    String json = "{\"url\":\"" + url + "\",\"ref\":\"main\",\"path\":\"prisma\",\"type\":\"git\"}";
    try (Connection store = TestPostgres.server().connect(StoreDatabase.current());
        PreparedStatement update =
            store.prepareStatement("UPDATE environment SET source = ? WHERE name = ?")) {
      update.setString(1, json);
      update.setString(2, name);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  private static String serviceLog() throws Exception {
    return Files.readString(Path.of("target", "quarkus-test.log"));
  }

  @Test
  void moving_to_plain_http_drops_the_stored_credentials() throws Exception {
    String name = registerWithToken();
    try (HttpGitServer plain = HttpGitServer.serve(repo.repository(), "x-access-token", TOKEN)) {
      put(name, plain.url(), null).statusCode(200).body("source.hasCredentials", equalTo(false));
      given()
          .get("/api/v1/environments/" + name)
          .then()
          .body("source.hasCredentials", equalTo(false));
    }
  }

  @Test
  void after_moving_to_plain_http_the_audit_sends_no_token_there() throws Exception {
    String name = registerWithToken();
    try (HttpGitServer plain = HttpGitServer.serve(repo.repository(), "x-access-token", TOKEN)) {
      put(name, plain.url(), null).statusCode(200);
      JsonPath audit = Environments.audit(name);

      assertThat(plain.authorizations()).as("the audit reached the http host").isNotEmpty();
      assertThat(plain.received(TOKEN)).as("the http host saw the token").isFalse();
      assertThat(audit.getString("outcome")).isEqualTo("ERROR");
      assertThat(audit.getString("error.message")).contains("credentials were refused");
    }
  }

  @Test
  void moving_to_another_host_drops_the_stored_credentials() {
    String name = registerWithToken();
    put(name, https.url().replace("127.0.0.1", "localhost"), null)
        .statusCode(200)
        .body("source.hasCredentials", equalTo(false));
  }

  @Test
  void moving_to_another_port_drops_the_stored_credentials_and_sends_them_nowhere()
      throws Exception {
    String name = registerWithToken();
    try (HttpGitServer other =
        HttpGitServer.serveHttps(repo.repository(), "x-access-token", TOKEN)) {
      put(name, other.url(), null).statusCode(200).body("source.hasCredentials", equalTo(false));
      JsonPath audit = Environments.audit(name);

      assertThat(other.authorizations()).as("the audit reached the new port").isNotEmpty();
      assertThat(other.received(TOKEN)).as("the new port saw the token").isFalse();
      assertThat(audit.getString("outcome")).isEqualTo("ERROR");
    }
  }

  @Test
  void another_repository_on_the_same_host_keeps_the_credentials() {
    String name = registerWithToken();
    put(name, https.url("other"), null)
        .statusCode(200)
        .body("source.hasCredentials", equalTo(true));
    JsonPath audit = Environments.audit(name);

    assertThat(audit.getString("outcome")).as(audit.prettify()).isEqualTo("CLEAN");
    assertThat(https.received(TOKEN)).isTrue();
    assertThat(changes(name)).noneMatch(details -> details.contains("credentials dropped"));
  }

  @Test
  void new_credentials_sent_with_the_move_go_to_the_new_host_only() throws Exception {
    String name = registerWithToken();
    try (HttpGitServer other =
        HttpGitServer.serveHttps(repo.repository(), "x-access-token", OTHER_TOKEN)) {
      put(name, other.url(), Map.of("token", OTHER_TOKEN))
          .statusCode(200)
          .body("source.hasCredentials", equalTo(true));
      JsonPath audit = Environments.audit(name);

      assertThat(audit.getString("outcome")).as(audit.prettify()).isEqualTo("CLEAN");
      assertThat(other.received(OTHER_TOKEN)).isTrue();
      assertThat(other.received(TOKEN)).isFalse();
    }
  }

  @Test
  void the_change_log_says_the_credentials_were_dropped() throws Exception {
    String name = registerWithToken();
    try (HttpGitServer other =
        HttpGitServer.serveHttps(repo.repository(), "x-access-token", TOKEN)) {
      put(name, other.url(), null).statusCode(200);
    }
    assertThat(changes(name))
        .anySatisfy(
            details ->
                assertThat(details)
                    .contains("git credentials dropped")
                    .contains("scheme, host or port"));
  }

  @Test
  void a_token_for_plain_http_is_refused_at_save() throws Exception {
    try (HttpGitServer plain = HttpGitServer.serve(repo.repository(), "x-access-token", TOKEN)) {
      given()
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "name",
                  "scope-http-" + UUID.randomUUID().toString().substring(0, 8),
                  "tier",
                  "production",
                  "databaseUrl",
                  target.prismaUrl(),
                  "source",
                  source(plain.url(), Map.of("token", TOKEN))))
          .post("/api/v1/environments")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", containsString("never sent over plain http"))
          .body(not(containsString(TOKEN)));

      String name = registerWithToken();
      put(name, plain.url(), Map.of("token", TOKEN))
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", containsString("never sent over plain http"))
          .body(not(containsString(TOKEN)));
    }
  }

  @Test
  void a_stored_token_is_not_kept_for_a_plain_http_url() throws Exception {
    String name = registerWithToken();
    try (HttpGitServer plain = HttpGitServer.serve(repo.repository(), "x-access-token", TOKEN)) {
      storeSourceUrl(name, plain.url());
      put(name, plain.url(), null)
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", containsString("never sent over plain http"))
          .body(not(containsString(TOKEN)));
    }
  }

  @Test
  void a_stored_row_pairing_a_token_with_plain_http_fails_its_audit_without_sending_it()
      throws Exception {
    String name = registerWithToken();
    try (HttpGitServer plain = HttpGitServer.serve(repo.repository(), "x-access-token", TOKEN)) {
      storeSourceUrl(name, plain.url());
      JsonPath audit = Environments.audit(name);

      assertThat(audit.getString("outcome")).isEqualTo("ERROR");
      assertThat(audit.getString("error.stage")).isEqualTo("SOURCE");
      assertThat(audit.getString("error.message"))
          .contains("never sent over plain http")
          .contains("https");
      assertThat(plain.received(TOKEN)).as("the http host saw the token").isFalse();
    }
  }

  @Test
  void credentials_in_the_url_are_refused_without_echoing_them() {
    String host = "127.0.0.1:" + https.port();
    String name = registerWithToken();
    for (String url :
        new String[] {
          "http://u:" + URL_SECRET + "@" + host + "/repo.git",
          "https://" + URL_SECRET + "@" + host + "/repo.git",
          "http://" + URL_SECRET + "@" + host + "/repo.git",
          "ssh://git:" + URL_SECRET + "@" + host + "/repo.git",
          "https://" + host + "/repo.git?access_token=" + URL_SECRET,
          "https://" + host + "/repo.git?private_token=" + URL_SECRET,
          "https://" + host + "/repo.git?ref=main&token=" + URL_SECRET,
          "https://" + host + "/repo.git?password=" + URL_SECRET,
          "https://" + host + "/repo.git?oauth_token=" + URL_SECRET
        }) {
      given()
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "name",
                  "scope-url-" + UUID.randomUUID().toString().substring(0, 8),
                  "tier",
                  "production",
                  "databaseUrl",
                  target.prismaUrl(),
                  "source",
                  source(url, null)))
          .post("/api/v1/environments")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", containsString("must not hold credentials"))
          .body(not(containsString(URL_SECRET)));
      put(name, url, null)
          .statusCode(400)
          .contentType("application/problem+json")
          .body(not(containsString(URL_SECRET)));
    }
    assertThat(changes(name)).noneMatch(details -> details.contains(URL_SECRET));
  }

  @Test
  void scp_like_and_ssh_urls_with_a_user_name_stay_valid() {
    Map<String, String> ssh =
        Map.of(
            "sshPrivateKey",
            "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n",
            "sshKnownHosts",
            "127.0.0.1 ssh-ed25519 AAAA");
    String scp = register("git@127.0.0.1:acme/app.git", ssh);
    String url = register("ssh://git@127.0.0.1:2222/acme/app.git", ssh);
    String query = register(https.url() + "?ref=main", null);

    given()
        .get("/api/v1/environments/" + scp)
        .then()
        .body("source.url", equalTo("git@127.0.0.1:acme/app.git"));
    given()
        .get("/api/v1/environments/" + url)
        .then()
        .body("source.url", equalTo("ssh://git@127.0.0.1:2222/acme/app.git"));
    given()
        .get("/api/v1/environments/" + query)
        .then()
        .body("source.url", equalTo(https.url() + "?ref=main"));
  }

  @Test
  void a_stored_url_holding_credentials_is_masked_for_viewers() throws Exception {
    String name = register(https.url(), null);
    storeSourceUrl(
        name,
        https.url().replace("https://", "https://u:" + URL_SECRET + "@")
            + "?access_token="
            + URL_SECRET);
    String viewer =
        given()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "name",
                    "viewer-" + UUID.randomUUID().toString().substring(0, 8),
                    "role",
                    "viewer"))
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token");

    String one =
        given()
            .auth()
            .oauth2(viewer)
            .get("/api/v1/environments/" + name)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String all =
        given()
            .auth()
            .oauth2(viewer)
            .get("/api/v1/environments")
            .then()
            .statusCode(200)
            .extract()
            .asString();

    assertThat(one)
        .doesNotContain(URL_SECRET)
        .contains("https://****@127.0.0.1")
        .contains("access_token=****");
    assertThat(all).doesNotContain(URL_SECRET);
  }

  @Test
  void a_stored_url_holding_credentials_is_masked_in_the_change_log() throws Exception {
    String name = register(https.url(), null);
    storeSourceUrl(
        name,
        https.url().replace("https://", "https://u:" + URL_SECRET + "@")
            + "?access_token="
            + URL_SECRET);
    put(name, https.url("other"), null).statusCode(200);

    assertThat(changes(name))
        .anySatisfy(details -> assertThat(details).contains("source:"))
        .noneMatch(details -> details.contains(URL_SECRET));
  }

  @Test
  void a_stored_url_holding_credentials_is_not_fetched_and_its_report_masks_it() throws Exception {
    String name = register(https.url(), null);
    storeSourceUrl(
        name,
        https.url().replace("https://", "https://u:" + URL_SECRET + "@")
            + "?access_token="
            + URL_SECRET);
    JsonPath audit = Environments.audit(name);

    assertThat(audit.getString("outcome")).isEqualTo("ERROR");
    assertThat(audit.getString("error.message")).contains("holds credentials");
    assertThat(audit.prettify()).doesNotContain(URL_SECRET);
    assertThat(https.authorizations()).as("nothing was fetched").isEmpty();
    String stored =
        given()
            .get("/api/v1/audits/" + audit.getString("id"))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(stored).doesNotContain(URL_SECRET);
    assertThat(serviceLog()).doesNotContain(URL_SECRET);
  }
}
