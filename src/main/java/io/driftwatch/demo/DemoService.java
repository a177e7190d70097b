package io.driftwatch.demo;

import io.driftwatch.audit.AuditService;
import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.history.MigrationScript;
import io.driftwatch.core.sql.MySqlLexicon;
import io.driftwatch.core.sql.SqlScript;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.database.SeededHistoryRow;
import io.driftwatch.database.mysql.MySqlScratchDatabase;
import io.driftwatch.database.mysql.MySqlUrlSyntax;
import io.driftwatch.database.postgres.ScratchDatabase;
import io.driftwatch.environment.EnvironmentDraft;
import io.driftwatch.environment.EnvironmentNotFoundException;
import io.driftwatch.environment.EnvironmentService;
import io.driftwatch.environment.Tier;
import io.driftwatch.source.PathSourceSpec;
import io.driftwatch.support.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The quick start's demo: a database on the service's own PostgreSQL whose history reproduces a
 * real production incident (one migration applied by hand and never committed, one pending, one
 * failed halfway with P3009), the matching migrations folder shipped with driftwatch, registered as
 * environment {@code demo} and audited. Running it again starts the demo over.
 */
@ApplicationScoped
public class DemoService {

  public static final String ENVIRONMENT = "demo";
  public static final String MYSQL_ENVIRONMENT = "demo-mysql";
  static final String DATABASE = "driftwatch_demo";

  static final String INIT = "20241210000000_init";
  static final String PHANTOM = "20251113220938_add_customer_slug";
  static final String PENDING = "20241226000000_add_leads_questionnaire_models";
  static final String FAILED = "20260115000000_add_landing_sections";
  private static final String INIT_SQL = "migrations/" + INIT + "/migration.sql";

  private static final List<String> FILES =
      List.of(
          "schema.prisma",
          "migrations/migration_lock.toml",
          "migrations/" + INIT + "/migration.sql",
          "migrations/" + PENDING + "/migration.sql",
          "migrations/" + FAILED + "/migration.sql");

  /**
   * The phantom's script: applied by hand in production, never committed. It re-adds a column init
   * already has.
   */
  private static final String PHANTOM_SQL =
      "-- AlterTable\nALTER TABLE \"customers\" ADD COLUMN IF NOT EXISTS \"slug\" TEXT;\n";

  private static final String FAILED_LOGS =
      """
      Database error code: 23502

      Database error:
      ERROR: null value in column "updated_at" of relation "landing_page_content" violates not-null constraint
      DETAIL: Failing row contains (how-it-works, How it works, {"steps": [...]}, null).
      """;

  /** The MySQL demo's phantom: the same column, added by hand the MySQL way. */
  private static final String MYSQL_PHANTOM_SQL =
      "-- AlterTable\nALTER TABLE `customers` ADD COLUMN `slug` VARCHAR(191) NULL;\n";

  /** MySQL commits each statement: the first seed row went in before the second failed. */
  private static final String MYSQL_FAILED_LOGS =
      """
      Database error code: 1364

      Database error:
      Field 'updated_at' doesn't have a default value
      """;

  private final EnvironmentService environments;
  private final AuditService audits;
  private final ScratchDatabase scratch;
  private final ScratchDatabase.Server server;
  private final Path folder;
  private final MySqlScratchDatabase mysqlScratch;
  private final Optional<PrismaDatabaseUrl> mysqlServer;
  private final Path mysqlFolder;

  public DemoService(
      EnvironmentService environments,
      AuditService audits,
      ScratchDatabase scratch,
      MySqlScratchDatabase mysqlScratch,
      DriftwatchConfig config) {
    this.environments = environments;
    this.audits = audits;
    this.scratch = scratch;
    this.server = scratch.server();
    this.folder = Path.of(config.dataDir()).resolve("demo").resolve("prisma");
    this.mysqlScratch = mysqlScratch;
    this.mysqlServer = config.demoMysqlUrl().map(MySqlUrlSyntax::parse);
    this.mysqlFolder = Path.of(config.dataDir()).resolve("demo").resolve("mysql").resolve("prisma");
  }

  /** Whether a MySQL or MariaDB server is set for the MySQL demo. */
  public boolean mysqlAvailable() {
    return mysqlServer.isPresent();
  }

  /**
   * The same incident on MySQL or MariaDB (DRIFTWATCH_DEMO_MYSQL_URL): database {@code
   * driftwatch_demo} there, environment {@code demo-mysql}. The failed migration is half applied,
   * as MySQL leaves one: its first statement committed before the second failed.
   *
   * @return a failure {@link DemoUnavailableException} when no such server is set
   */
  public Uni<AuditReport> createMySql(String actor) {
    if (mysqlServer.isEmpty()) {
      return Uni.createFrom()
          .failure(
              new DemoUnavailableException(
                  "no MySQL or MariaDB server is set for the demo: set DRIFTWATCH_DEMO_MYSQL_URL to"
                      + " an account that may create database "
                      + DATABASE
                      + ", e.g. mysql://root@127.0.0.1:3306/mysql"));
    }
    PrismaDatabaseUrl at = mysqlServer.get();
    String failedSql = resource(MYSQL, "migrations/" + FAILED + "/migration.sql");
    String firstSeed =
        SqlScript.split(failedSql, 1, MySqlLexicon.INSTANCE).statements().get(0).text() + ";";
    return Blocking.call(() -> extract(MYSQL, mysqlFolder))
        .call(
            () ->
                mysqlScratch.recreate(
                    at,
                    DATABASE,
                    resource(MYSQL, INIT_SQL) + "\n" + firstSeed,
                    incident(MYSQL, MYSQL_PHANTOM_SQL, MYSQL_FAILED_LOGS)))
        .call(() -> register(actor, MYSQL_ENVIRONMENT, mysqlUrl(at), mysqlFolder))
        .flatMap(ignored -> audits.run(MYSQL_ENVIRONMENT));
  }

  /** The MySQL demo's DATABASE_URL: the server's account, database driftwatch_demo. */
  static String mysqlUrl(PrismaDatabaseUrl server) {
    String credentials =
        URLEncoder.encode(server.user(), StandardCharsets.UTF_8)
            + server
                .password()
                .filter(password -> !password.isEmpty())
                .map(password -> ":" + URLEncoder.encode(password, StandardCharsets.UTF_8))
                .orElse("");
    return "mysql://" + credentials + "@" + server.host() + ":" + server.port() + "/" + DATABASE;
  }

  /** Builds the demo from scratch and returns its first audit. Call on a Vert.x context. */
  public Uni<AuditReport> create(String actor) {
    return Blocking.call(() -> extract(POSTGRES, folder))
        .call(
            () ->
                scratch.recreate(
                    DATABASE,
                    resource(POSTGRES, INIT_SQL),
                    incident(POSTGRES, PHANTOM_SQL, FAILED_LOGS)))
        .call(() -> register(actor, ENVIRONMENT, databaseUrl(), folder))
        .flatMap(ignored -> audits.run(ENVIRONMENT));
  }

  /** The demo's DATABASE_URL, as a user of Prisma would have it. */
  String databaseUrl() {
    String credentials =
        URLEncoder.encode(server.user(), StandardCharsets.UTF_8)
            + (server.password().isEmpty()
                ? ""
                : ":" + URLEncoder.encode(server.password(), StandardCharsets.UTF_8));
    return "postgresql://"
        + credentials
        + "@"
        + server.host()
        + ":"
        + server.port()
        + "/"
        + DATABASE
        + "?schema=public";
  }

  private static Path extract(String resources, Path folder) {
    try {
      for (String file : FILES) {
        Path destination = folder.resolve(file);
        Files.createDirectories(destination.getParent());
        Files.writeString(destination, resource(resources, file), StandardCharsets.UTF_8);
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo folder to " + folder, e);
    }
  }

  /**
   * The incident's history: what production looked like when the team wrote the runbook (init
   * applied, the phantom applied by hand, the last one failed halfway).
   */
  private static List<SeededHistoryRow> incident(
      String resources, String phantomSql, String failedLogs) {
    return List.of(
        new SeededHistoryRow(
            INIT,
            checksum(resource(resources, INIT_SQL)),
            at("2024-12-10T10:00:01.312Z"),
            at("2024-12-10T10:00:01.480Z"),
            null,
            1),
        new SeededHistoryRow(
            PHANTOM,
            checksum(phantomSql),
            at("2025-11-13T22:09:40.955Z"),
            at("2025-11-13T22:09:41.020Z"),
            null,
            1),
        new SeededHistoryRow(
            FAILED,
            checksum(resource(resources, "migrations/" + FAILED + "/migration.sql")),
            at("2026-01-15T09:30:12.004Z"),
            null,
            failedLogs,
            0));
  }

  private Uni<Void> register(String actor, String name, String databaseUrl, Path source) {
    EnvironmentDraft draft =
        new EnvironmentDraft(
            name, Tier.PRODUCTION, databaseUrl, new PathSourceSpec(source.toString(), null, null));
    return environments
        .delete(name, actor)
        .onFailure(EnvironmentNotFoundException.class)
        .recoverWithNull()
        .chain(() -> environments.create(draft, actor))
        .replaceWithVoid();
  }

  private static String checksum(String script) {
    return MigrationScript.of(script).checksum();
  }

  private static OffsetDateTime at(String instant) {
    return OffsetDateTime.parse(instant);
  }

  /** The demo folders shipped with driftwatch, one per database. */
  private static final String POSTGRES = "/demo/prisma/";

  private static final String MYSQL = "/demo/prisma-mysql/";

  private static String resource(String resources, String file) {
    try (InputStream in = DemoService.class.getResourceAsStream(resources + file)) {
      if (in == null) {
        throw new IllegalStateException("the demo file " + file + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
