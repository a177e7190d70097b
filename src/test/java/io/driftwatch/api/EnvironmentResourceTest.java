package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.driftwatch.database.TargetPools;
import io.driftwatch.database.postgres.PostgresUrlSyntax;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.StoreSql;
import io.driftwatch.testing.TestSources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(StoreDatabase.class)
class EnvironmentResourceTest {

  private static final String PROBLEM = "application/problem+json";

  @Inject TargetPools pools;

  private PrismaFolder folder;

  @BeforeEach
  void folder() {
    folder = PrismaFolder.create().migration("20240101000000_init", "CREATE TABLE a (id int);\n");
  }

  @AfterEach
  void cleanUp() {
    folder.close();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String body(String name, String tier, String url) {
    return """
        {"name": "%s", "tier": "%s", "databaseUrl": "%s", "source": {"type": "path", "path": "%s"}}
        """
        .formatted(name, tier, url, folder.path());
  }

  @Test
  void create_returns_201_with_location_and_masked_password() {
    String name = unique("prod");
    given()
        .contentType(ContentType.JSON)
        .body(
            body(
                name,
                "production",
                "postgresql://app:s3cr%40t@db.internal:6543/app?schema=billing&sslmode=require"))
        .when()
        .post("/api/v1/environments")
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/v1/environments/" + name))
        .body("name", equalTo(name))
        .body("tier", equalTo("production"))
        .body(
            "databaseUrl",
            equalTo("postgresql://app:****@db.internal:6543/app?schema=billing&sslmode=require"))
        .body("source.type", equalTo("path"))
        .body("source.path", equalTo(folder.path()))
        .body(not(containsString("s3cr")));
  }

  @Test
  void get_list_update_delete() {
    String name = unique("staging");
    given()
        .contentType(ContentType.JSON)
        .body(body(name, "staging", "postgresql://u:secretpw@h:5432/d"))
        .post("/api/v1/environments")
        .then()
        .statusCode(201);

    given()
        .get("/api/v1/environments/" + name)
        .then()
        .statusCode(200)
        .body("databaseUrl", equalTo("postgresql://u:****@h:5432/d"));
    given().get("/api/v1/environments").then().statusCode(200).body("name", hasItem(name));

    String renamed = unique("renamed");
    String update =
        """
        {"name": "%s", "tier": "development", "source": {"type": "path", "path": "%s"}}
        """
            .formatted(renamed, folder.path());
    given()
        .contentType(ContentType.JSON)
        .body(update)
        .put("/api/v1/environments/" + name)
        .then()
        .statusCode(200)
        .body("name", equalTo(renamed))
        .body("tier", equalTo("development"))
        .body("databaseUrl", equalTo("postgresql://u:****@h:5432/d"));
    given().get("/api/v1/environments/" + name).then().statusCode(404).contentType(PROBLEM);

    given().delete("/api/v1/environments/" + renamed).then().statusCode(204);
    given().get("/api/v1/environments/" + renamed).then().statusCode(404);
  }

  @Test
  void duplicate_name_is_409() {
    String name = unique("dup");
    given()
        .contentType(ContentType.JSON)
        .body(body(name, "other", "postgresql://u@h/d"))
        .post("/api/v1/environments")
        .then()
        .statusCode(201);
    given()
        .contentType(ContentType.JSON)
        .body(body(name, "other", "postgresql://u@h/d"))
        .post("/api/v1/environments")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("status", equalTo(409))
        .body("detail", containsString("already exists"));
  }

  @Test
  void concurrent_creates_of_one_name_give_one_201_and_409s() throws Exception {
    String name = unique("race");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        statuses.add(
            pool.submit(
                () ->
                    given()
                        .contentType(ContentType.JSON)
                        .body(body(name, "other", "postgresql://u@h/d"))
                        .post("/api/v1/environments")
                        .statusCode()));
      }
      List<Integer> codes = new ArrayList<>();
      for (Future<Integer> status : statuses) {
        codes.add(status.get());
      }
      Assertions.assertThat(codes).containsOnly(201, 409);
      Assertions.assertThat(codes).filteredOn(code -> code == 201).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void unknown_tier_is_400_naming_the_values() {
    given()
        .contentType(ContentType.JSON)
        .body(body(unique("t"), "prod", "postgresql://u@h/d"))
        .post("/api/v1/environments")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("tier"))
        .body("detail", containsString("production, staging, development, other"));
  }

  @Test
  void malformed_url_is_400() {
    given()
        .contentType(ContentType.JSON)
        .body(body(unique("u"), "other", "mysql://u@h/d?schema=app"))
        .post("/api/v1/environments")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("detail", containsString("unknown parameter `schema`"))
        .body("detail", containsString("on MySQL the database in the path is the schema"));
    given()
        .contentType(ContentType.JSON)
        .body(body(unique("u"), "other", "postgresql://u@h"))
        .post("/api/v1/environments")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("detail", containsString("names no database"));
    given()
        .contentType(ContentType.JSON)
        .body(body(unique("u"), "other", "postgresql://u@h/d?shema=x"))
        .post("/api/v1/environments")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("detail", containsString("unknown parameter `shema`"));
  }

  @Test
  void cloud_metadata_hosts_are_refused_for_databases_and_git() {
    given()
        .contentType(ContentType.JSON)
        .body(body(unique("meta"), "other", "postgresql://u@169.254.169.254:5432/d"))
        .post("/api/v1/environments")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("detail", containsString("databaseUrl: host `169.254.169.254` is denied"));
    String git =
        """
        {"name": "%s", "tier": "other", "databaseUrl": "postgresql://u@h/d",
         "source": {"type": "git", "url": "http://169.254.169.254/latest/repo.git", "ref": "main"}}
        """
            .formatted(unique("meta"));
    given()
        .contentType(ContentType.JSON)
        .body(git)
        .post("/api/v1/environments")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("detail", containsString("source.url: host `169.254.169.254` is denied"));
  }

  @Test
  void missing_url_on_create_is_400() {
    String body =
        """
        {"name": "%s", "tier": "other", "source": {"type": "path", "path": "%s"}}
        """
            .formatted(unique("nourl"), folder.path());
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/environments")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("detail", containsString("databaseUrl is required"));
  }

  @Test
  void missing_folder_is_400() {
    String body =
        """
        {"name": "%s", "tier": "other", "databaseUrl": "postgresql://u@h/d", "source": {"type": "path", "path": "%s/nonexistent/prisma"}}
        """
            .formatted(unique("nofolder"), TestSources.root());
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/environments")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("detail", containsString("does not exist"));
  }

  @Test
  void unknown_field_is_400_naming_it() {
    String body =
        """
        {"name": "%s", "tier": "other", "databaseUrl": "postgresql://u@h/d", "colour": "red", "source": {"type": "path", "path": "%s"}}
        """
            .formatted(unique("x"), folder.path());
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/environments")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("detail", containsString("unknown field `colour`"));
  }

  @Test
  void bad_slug_and_malformed_json_and_empty_body_are_400() {
    given()
        .contentType(ContentType.JSON)
        .body(body("Not A Slug", "other", "postgresql://u@h/d"))
        .post("/api/v1/environments")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("name"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\": ")
        .post("/api/v1/environments")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("title", equalTo("Malformed JSON"));
    given()
        .contentType(ContentType.JSON)
        .post("/api/v1/environments")
        .then()
        .statusCode(400)
        .contentType(PROBLEM);
    given()
        .contentType(ContentType.JSON)
        .body("[]")
        .post("/api/v1/environments")
        .then()
        .statusCode(400)
        .contentType(PROBLEM);
  }

  @Test
  void unknown_environment_and_unknown_path_are_problem_404() {
    given()
        .get("/api/v1/environments/nope-" + UUID.randomUUID().toString().substring(0, 6))
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("type", containsString("environment-not-found"));
    given()
        .get("/api/v1/nothing-here")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("errors", nullValue());
  }

  /**
   * Pausing the schedule (or any change that keeps the database URL) must not close the pool an
   * audit in flight reads through: its read would fail with "connection lost".
   */
  @Test
  void a_change_that_keeps_the_database_url_keeps_its_pool() {
    String name = unique("kept");
    String url = "postgresql://app@127.0.0.1:5432/none";
    given()
        .contentType(ContentType.JSON)
        .body(body(name, "staging", url))
        .post("/api/v1/environments")
        .then()
        .statusCode(201);
    UUID id = StoreSql.environmentId(name);
    var lease = pools.lease(id, PostgresUrlSyntax.parse(url));
    lease.release();
    var pool = lease.pool();

    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"name": "%s", "tier": "staging", "source": {"type": "path", "path": "%s"},
             "schedule": {"cron": "0 0 * * * ?", "paused": true}}
            """
                .formatted(name, folder.path()))
        .put("/api/v1/environments/" + name)
        .then()
        .statusCode(200);

    var again = pools.lease(id, PostgresUrlSyntax.parse(url));
    again.release();
    Assertions.assertThat(again.pool()).isSameAs(pool);
    given().delete("/api/v1/environments/" + name).then().statusCode(204);
  }
}
