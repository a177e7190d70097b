package io.driftwatch.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.history.FolderMigration;
import io.driftwatch.core.prisma.SourceLayout;
import io.driftwatch.source.SourceUnavailableException;
import io.driftwatch.testing.GitRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where a git source finds a project's schema and migrations: Prisma 6's defaults, a Prisma 7
 * config (read statically), the environment's overrides, a Prisma 8 migrations folder.
 */
class GitProjectLayoutTest {

  private static final String SCHEMA = "datasource db {\n  provider = \"postgresql\"\n}\n";

  private final Path cache = createCache();
  private final GitMirrors mirrors =
      new GitMirrors(cache, Duration.ZERO, Duration.ofSeconds(30), Clock.systemUTC());

  private static Path createCache() {
    try {
      return Files.createTempDirectory("dw-mirrors");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void deleteCache() throws Exception {
    FileUtils.delete(cache.toFile(), FileUtils.RECURSIVE);
  }

  private SourceSnapshot read(GitRepo repo, String path) throws Exception {
    return read(repo, path, null, null);
  }

  private SourceSnapshot read(GitRepo repo, String path, String migrationsPath, String schemaPath)
      throws Exception {
    repo.commit("layout", "Ada", Instant.parse("2025-01-01T00:00:00Z"));
    try (GitMigrationSource source =
        new GitMigrationSource(
            new GitSourceSpec(repo.url(), "main", path, migrationsPath, schemaPath),
            null,
            mirrors,
            new GitMigrationSource.Limits(1 << 20, 1 << 24, 1000, Duration.ofSeconds(5)))) {
      return source.read();
    }
  }

  @Test
  void a_prisma_6_project_says_its_paths_are_prismas_defaults() throws Exception {
    try (GitRepo repo =
        GitRepo.create()
            .write("prisma/migrations/1_init/migration.sql", "SELECT 1;")
            .write("prisma/schema.prisma", SCHEMA)) {
      SourceSnapshot snapshot = read(repo, "prisma");
      SourceLayout layout = snapshot.layout();
      assertThat(layout.config()).isEmpty();
      assertThat(layout.migrations())
          .isEqualTo(new SourceLayout.Located("prisma/migrations", "Prisma's default"));
      assertThat(layout.prismaMajor()).isEqualTo(6);
      assertThat(snapshot.paths().deploy()).isEqualTo("npx prisma migrate deploy");
    }
  }

  @Test
  void a_prisma_7_config_at_the_root_names_a_schema_folder_and_moved_migrations() throws Exception {
    try (GitRepo repo =
        GitRepo.create()
            .write(
                "prisma.config.ts",
                """
                import "dotenv/config";
                import { defineConfig, env } from "prisma/config";
                export default defineConfig({
                  schema: "db/schema",
                  migrations: { path: "db/history" },
                  datasource: { url: env("DATABASE_URL"), shadowDatabaseUrl: env("SHADOW_URL") },
                });
                """)
            .write("db/schema/base.prisma", SCHEMA)
            .write("db/schema/user.prisma", "model User {\n  id Int @id\n}\n")
            .write("db/history/1_init/migration.sql", "SELECT 1;")
            .write("prisma/migrations/old/migration.sql", "SELECT 'not this one';")) {
      SourceSnapshot snapshot = read(repo, "");
      SourceLayout layout = snapshot.layout();
      assertThat(layout.config()).contains("prisma.config.ts");
      assertThat(layout.schema())
          .isEqualTo(new SourceLayout.Located("db/schema", "prisma.config.ts `schema`"));
      assertThat(layout.migrations())
          .isEqualTo(new SourceLayout.Located("db/history", "prisma.config.ts `migrations.path`"));
      assertThat(snapshot.migrations()).extracting(FolderMigration::name).containsExactly("1_init");
      assertThat(snapshot.schemaFiles()).containsOnlyKeys("base.prisma", "user.prisma");
      assertThat(layout.prismaMajor()).isEqualTo(7);
      assertThat(layout.prismaVersionBasis()).contains("sets the datasource");
      assertThat(layout.shadowDatabase().orElseThrow())
          .contains("SHADOW_URL")
          .contains("never connects");
      // The config at the root is found by Prisma itself, and names the schema.
      assertThat(snapshot.paths().deploy()).isEqualTo("npx prisma migrate deploy");
      assertThat(snapshot.paths().diffFromEmpty()).contains("--to-schema db/schema");
    }
  }

  @Test
  void a_source_pointed_at_prisma_finds_the_config_in_the_folder_above() throws Exception {
    try (GitRepo repo =
        GitRepo.create()
            .write(
                "packages/db/prisma.config.ts",
                "export default { schema: 'prisma/schema.prisma' } satisfies PrismaConfig;\n")
            .write("packages/db/package.json", "{\"devDependencies\": {\"prisma\": \"^7.2.0\"}}")
            .write("packages/db/prisma/schema.prisma", SCHEMA)
            .write("packages/db/prisma/migrations/1_init/migration.sql", "SELECT 1;")) {
      SourceSnapshot snapshot = read(repo, "packages/db/prisma");
      SourceLayout layout = snapshot.layout();
      assertThat(layout.config()).contains("packages/db/prisma.config.ts");
      assertThat(layout.migrations())
          .isEqualTo(
              new SourceLayout.Located(
                  "packages/db/prisma/migrations", "Prisma's default: beside the schema"));
      assertThat(layout.prismaMajor()).isEqualTo(7);
      assertThat(layout.prismaVersionBasis())
          .isEqualTo("`packages/db/package.json` asks for prisma ^7.2.0 (devDependencies)");
      assertThat(snapshot.paths().deploy())
          .isEqualTo("npx prisma migrate deploy --config packages/db/prisma.config.ts");
    }
  }

  @Test
  void the_environments_paths_win_over_the_config() throws Exception {
    try (GitRepo repo =
        GitRepo.create()
            .write("prisma.config.ts", "export default defineConfig({ migrations: { path: 'x' } })")
            .write("elsewhere/1_init/migration.sql", "SELECT 1;")
            .write("main.prisma", SCHEMA)) {
      SourceSnapshot snapshot = read(repo, "", "elsewhere", "main.prisma");
      assertThat(snapshot.layout().migrations())
          .isEqualTo(
              new SourceLayout.Located("elsewhere", "the environment's source.migrationsPath"));
      assertThat(snapshot.schemaFiles()).containsOnlyKeys("main.prisma");
    }
  }

  @Test
  void migrations_the_config_hides_behind_code_are_never_guessed() throws Exception {
    try (GitRepo repo =
        GitRepo.create()
            .write(
                "prisma.config.ts",
                "export default defineConfig({ migrations: { path: resolveMigrations() } })")
            .write("prisma/migrations/1_init/migration.sql", "SELECT 1;")) {
      assertThatThrownBy(() -> read(repo, ""))
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("`migrations.path`")
          .hasMessageContaining("set source.migrationsPath on the environment");
    }
  }

  @Test
  void a_schema_read_from_the_environment_at_run_time_is_not_read_and_is_said() throws Exception {
    try (GitRepo repo =
        GitRepo.create()
            .write(
                "prisma.config.ts",
                "export default defineConfig({ schema: process.env.SCHEMA_FILE,"
                    + " migrations: { path: 'prisma/migrations' } })")
            .write("prisma/schema.prisma", SCHEMA)
            .write("prisma/migrations/1_init/migration.sql", "SELECT 1;")) {
      SourceSnapshot snapshot = read(repo, "");
      assertThat(snapshot.schemaFiles()).isEmpty();
      assertThat(snapshot.schemaLookedFor()).contains("source.schemaPath");
      assertThat(snapshot.layout().unread())
          .extracting(SourceLayout.Unread::key)
          .containsExactly("schema");
    }
  }

  @Test
  void a_config_path_leaving_the_repository_is_refused() throws Exception {
    try (GitRepo repo =
        GitRepo.create()
            .write(
                "prisma.config.ts",
                "export default defineConfig({ migrations: { path: '../../etc' } })")) {
      assertThatThrownBy(() -> read(repo, ""))
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("outside what the source may read");
    }
  }

  @Test
  void external_tables_and_enums_are_kept_for_drift_and_coverage_to_leave_out() throws Exception {
    try (GitRepo repo =
        GitRepo.create()
            .write(
                "prisma.config.ts",
                """
                export default defineConfig({
                  experimental: { externalTables: true },
                  tables: { external: ["public.users", "audit_log"] },
                  enums: { external: ["public.role"] },
                  migrations: { path: "prisma/migrations" },
                });
                """)
            .write("prisma/migrations/1_init/migration.sql", "SELECT 1;")) {
      SourceLayout layout = read(repo, "").layout();
      assertThat(layout.externalTables()).containsExactly("public.users", "audit_log");
      assertThat(layout.externalObjects())
          .containsExactly("public.users", "audit_log", "public.role");
    }
  }

  @Test
  void a_prisma_8_migrations_folder_is_read_as_its_graph_not_as_missing_scripts() throws Exception {
    try (GitRepo repo =
        GitRepo.create()
            .write("prisma/migrations/0_legacy/migration.sql", "SELECT 1;")
            .write(
                "prisma/migrations/app/20261101T1200_init/migration.json",
                "{\"migrationHash\":\"m1\",\"from\":null,\"to\":\"sha256:AA11\"}")
            .write("prisma/migrations/app/20261101T1200_init/ops.json", "[]")
            .write(
                "prisma/migrations/app/20261102T0900_posts/migration.json",
                "{\"from\":\"sha256:aa11\",\"to\":{\"storageHash\":\"sha256:bb22\"}}")
            .write(
                "prisma/migrations/app/refs/production.json",
                "{\"hash\":\"bb22\",\"invariants\":[]}")
            .write("prisma/migrations/app/refs/production.contract.json", "{}")
            .write("prisma/migrations/snapshots/bb22/contract.json", "{}")) {
      SourceSnapshot snapshot = read(repo, "prisma");
      assertThat(snapshot.migrations())
          .extracting(FolderMigration::name)
          .containsExactly("0_legacy");
      var prisma8 = snapshot.layout().prisma8().orElseThrow();
      assertThat(prisma8.migrations()).containsExactly("20261101T1200_init", "20261102T0900_posts");
      assertThat(prisma8.refs()).containsEntry("production", "bb22");
      assertThat(prisma8.hashes()).containsExactlyInAnyOrder("aa11", "bb22");
      assertThat(prisma8.produces("sha256:BB22")).isTrue();
      assertThat(prisma8.produces("sha256:cc33")).isFalse();
      assertThat(prisma8.notUnderstood()).isEmpty();
    }
  }
}
