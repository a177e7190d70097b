package io.driftwatch.api;

import static io.restassured.RestAssured.given;

import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.TargetDatabase;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.UUID;

/** Registers environments and runs audits through the API, for tests. */
public final class Environments {

  private Environments() {}

  public static String register(TargetDatabase target, PrismaFolder folder) {
    return register(target.prismaUrl(), folder);
  }

  public static String register(String databaseUrl, PrismaFolder folder) {
    String name = "env-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"name": "%s", "tier": "production", "databaseUrl": "%s", "source": {"type": "path", "path": "%s"}}
            """
                .formatted(name, databaseUrl, folder.path()))
        .post("/api/v1/environments")
        .then()
        .statusCode(201);
    return name;
  }

  /**
   * A Prisma-managed target with one applied migration, its folder, and the environment watching
   * them.
   */
  record Fresh(TargetDatabase target, PrismaFolder folder, String name) implements AutoCloseable {

    static Fresh register() {
      TargetDatabase target = TargetDatabase.create().managedByPrisma();
      PrismaFolder folder = PrismaFolder.create().migration("20240101000000_init", "SELECT 1;\n");
      target.deploy("20240101000000_init", "SELECT 1;\n");
      return new Fresh(target, folder, Environments.register(target, folder));
    }

    @Override
    public void close() {
      folder.close();
      target.close();
    }
  }

  public static JsonPath audit(String environment) {
    return given()
        .post("/api/v1/environments/" + environment + "/audits")
        .then()
        .statusCode(201)
        .contentType(ContentType.JSON)
        .extract()
        .jsonPath();
  }
}
