package io.driftwatch.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a check is run on in a test: a production environment registered with the running service,
 * its database deployed with one migration, its source a git repository holding {@code prisma/}
 * with that migration on {@code main}. A test branches the repository to make the change it checks.
 */
public final class CheckedProject implements AutoCloseable {

  public static final String DIR = "prisma";
  public static final String MIGRATIONS = DIR + "/migrations/";
  public static final String INIT = "20240101000000_init";
  public static final String INIT_SQL =
      "CREATE TABLE \"User\" (\"id\" SERIAL NOT NULL, CONSTRAINT \"User_pkey\" PRIMARY KEY"
          + " (\"id\"));\n";
  public static final Instant AT = Instant.parse("2025-01-01T12:00:00Z");

  private final TargetDatabase target;
  private final GitRepo repo;
  private final String environment;

  private CheckedProject(TargetDatabase target, GitRepo repo, String environment) {
    this.target = target;
    this.repo = repo;
    this.environment = environment;
  }

  /** Registers the environment, named with this prefix and a random suffix. */
  public static CheckedProject register(String prefix) {
    TargetDatabase target = TargetDatabase.create().managedByPrisma().deploy(INIT, INIT_SQL);
    GitRepo repo =
        GitRepo.create()
            .write(MIGRATIONS + "migration_lock.toml", "provider = \"postgresql\"\n")
            .write(DIR + "/schema.prisma", "datasource db {\n  provider = \"postgresql\"\n}\n")
            .write(MIGRATIONS + INIT + "/migration.sql", INIT_SQL);
    repo.commit("init", "Ada", AT);
    CheckedProject project =
        new CheckedProject(target, repo, prefix + UUID.randomUUID().toString().substring(0, 8));
    Map<String, Object> definition = project.definition();
    definition.put("databaseUrl", target.prismaUrl());
    given()
        .contentType(ContentType.JSON)
        .body(definition)
        .post("/api/v1/environments")
        .then()
        .statusCode(201);
    return project;
  }

  /** The environment's definition as registered, less its database URL: a body for an update. */
  public Map<String, Object> definition() {
    Map<String, Object> definition = new HashMap<>();
    definition.put("name", environment);
    definition.put("tier", "production");
    definition.put("source", Map.of("type", "git", "url", repo.url(), "ref", "main", "path", DIR));
    return definition;
  }

  public TargetDatabase target() {
    return target;
  }

  public GitRepo repo() {
    return repo;
  }

  public String environment() {
    return environment;
  }

  @Override
  public void close() {
    target.close();
    repo.close();
  }
}
