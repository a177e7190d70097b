package io.driftwatch.demo;

import io.driftwatch.audit.AuditService;
import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.history.MigrationScript;
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

/**
 * The quick start's demo: a database on the service's own PostgreSQL whose history reproduces a
 * real production incident (one migration applied by hand and never committed, one pending, one
 * failed halfway with P3009), the matching migrations folder shipped with driftwatch, registered as
 * environment {@code demo} and audited. Running it again starts the demo over.
 */
@ApplicationScoped
public class DemoService {

  public static final String ENVIRONMENT = "demo";
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

  private final EnvironmentService environments;
  private final AuditService audits;
  private final ScratchDatabase scratch;
  private final ScratchDatabase.Server server;
  private final Path folder;

  public DemoService(
      EnvironmentService environments,
      AuditService audits,
      ScratchDatabase scratch,
      DriftwatchConfig config) {
    this.environments = environments;
    this.audits = audits;
    this.scratch = scratch;
    this.server = scratch.server();
    this.folder = Path.of(config.dataDir()).resolve("demo").resolve("prisma");
  }

  /** Builds the demo from scratch and returns its first audit. Call on a Vert.x context. */
  public Uni<AuditReport> create(String actor) {
    return Blocking.call(this::extractFolder)
        .call(() -> scratch.recreate(DATABASE, resource(INIT_SQL), incident()))
        .call(() -> register(actor))
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

  private Path extractFolder() {
    try {
      for (String file : FILES) {
        Path destination = folder.resolve(file);
        Files.createDirectories(destination.getParent());
        Files.writeString(destination, resource(file), StandardCharsets.UTF_8);
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
  private static List<ScratchDatabase.HistoryRow> incident() {
    return List.of(
        new ScratchDatabase.HistoryRow(
            INIT,
            checksum(resource(INIT_SQL)),
            at("2024-12-10T10:00:01.312Z"),
            at("2024-12-10T10:00:01.480Z"),
            null,
            1),
        new ScratchDatabase.HistoryRow(
            PHANTOM,
            checksum(PHANTOM_SQL),
            at("2025-11-13T22:09:40.955Z"),
            at("2025-11-13T22:09:41.020Z"),
            null,
            1),
        new ScratchDatabase.HistoryRow(
            FAILED,
            checksum(resource("migrations/" + FAILED + "/migration.sql")),
            at("2026-01-15T09:30:12.004Z"),
            null,
            FAILED_LOGS,
            0));
  }

  private Uni<Void> register(String actor) {
    EnvironmentDraft draft =
        new EnvironmentDraft(
            ENVIRONMENT,
            Tier.PRODUCTION,
            databaseUrl(),
            new PathSourceSpec(folder.toString(), null, null));
    return environments
        .delete(ENVIRONMENT, actor)
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

  private static String resource(String file) {
    try (InputStream in = DemoService.class.getResourceAsStream("/demo/prisma/" + file)) {
      if (in == null) {
        throw new IllegalStateException("the demo file " + file + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
