package io.driftwatch.demo;

import io.driftwatch.audit.AuditService;
import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.history.MigrationScript;
import io.driftwatch.database.postgres.PrismaHistoryTable;
import io.driftwatch.environment.EnvironmentDraft;
import io.driftwatch.environment.EnvironmentNotFoundException;
import io.driftwatch.environment.EnvironmentService;
import io.driftwatch.environment.Tier;
import io.driftwatch.source.PathSourceSpec;
import io.driftwatch.support.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

  private final Vertx vertx;
  private final Pool store;
  private final EnvironmentService environments;
  private final AuditService audits;
  private final Path folder;
  private final URI storeUrl;
  private final String user;
  private final String password;

  public DemoService(
      Vertx vertx,
      Pool store,
      EnvironmentService environments,
      AuditService audits,
      DriftwatchConfig config,
      @ConfigProperty(name = "quarkus.datasource.reactive.url") String storeUrl,
      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
    this.vertx = vertx;
    this.store = store;
    this.environments = environments;
    this.audits = audits;
    this.folder = Path.of(config.dataDir()).resolve("demo").resolve("prisma");
    this.storeUrl = URI.create(storeUrl.replaceFirst("^vertx-reactive:", ""));
    this.user = user.orElse("postgres");
    this.password = password.orElse("");
  }

  /** Builds the demo from scratch and returns its first audit. Call on a Vert.x context. */
  public Uni<AuditReport> create(String actor) {
    return Blocking.call(this::extractFolder)
        .call(() -> store.query("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)").execute())
        .call(() -> store.query("CREATE DATABASE " + DATABASE).execute())
        .call(this::seed)
        .call(() -> register(actor))
        .flatMap(ignored -> audits.run(ENVIRONMENT));
  }

  /** The demo's DATABASE_URL, as a user of Prisma would have it. */
  String databaseUrl() {
    String credentials =
        URLEncoder.encode(user, StandardCharsets.UTF_8)
            + (password.isEmpty() ? "" : ":" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    int port = storeUrl.getPort() == -1 ? 5432 : storeUrl.getPort();
    return "postgresql://"
        + credentials
        + "@"
        + storeUrl.getHost()
        + ":"
        + port
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
   * Writes the incident into the demo database: what production looked like when the team wrote the
   * runbook.
   */
  private Uni<Void> seed() {
    PgConnectOptions options =
        new PgConnectOptions()
            .setHost(storeUrl.getHost())
            .setPort(storeUrl.getPort() == -1 ? 5432 : storeUrl.getPort())
            .setDatabase(DATABASE)
            .setUser(user)
            .setPassword(password);
    Pool demo =
        Pool.newInstance(
            PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(1))
                .connectingTo(options)
                .using(vertx.getDelegate())
                .build());
    String insert =
        "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at,"
            + " started_at, applied_steps_count) VALUES ($1, $2, $3, $4, $5, NULL, $6, $7)";
    String init = resource("migrations/" + INIT + "/migration.sql");
    return demo.withTransaction(
            connection ->
                connection
                    .query(init)
                    .execute()
                    .call(() -> connection.query(PrismaHistoryTable.createIn("public")).execute())
                    .call(
                        () ->
                            connection
                                .preparedQuery(insert)
                                .execute(
                                    row(
                                        checksum(init),
                                        at("2024-12-10T10:00:01.480Z"),
                                        INIT,
                                        null,
                                        at("2024-12-10T10:00:01.312Z"),
                                        1)))
                    .call(
                        () ->
                            connection
                                .preparedQuery(insert)
                                .execute(
                                    row(
                                        checksum(PHANTOM_SQL),
                                        at("2025-11-13T22:09:41.020Z"),
                                        PHANTOM,
                                        null,
                                        at("2025-11-13T22:09:40.955Z"),
                                        1)))
                    .call(
                        () ->
                            connection
                                .preparedQuery(insert)
                                .execute(
                                    row(
                                        checksum(
                                            resource("migrations/" + FAILED + "/migration.sql")),
                                        null,
                                        FAILED,
                                        FAILED_LOGS,
                                        at("2026-01-15T09:30:12.004Z"),
                                        0))))
        .replaceWithVoid()
        .eventually(demo::close);
  }

  private static Tuple row(
      String checksum,
      OffsetDateTime finished,
      String name,
      String logs,
      OffsetDateTime started,
      int steps) {
    return Tuple.tuple()
        .addString(UUID.randomUUID().toString())
        .addString(checksum)
        .addOffsetDateTime(finished)
        .addString(name)
        .addString(logs)
        .addOffsetDateTime(started)
        .addInteger(steps);
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
