package io.driftwatch.source.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.SourceSnapshot;
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

/** The schema files a git source reads at the ref, in each layout Prisma knows. */
class GitSchemaLayoutTest {

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

  private SourceSnapshot read(GitRepo repo, String path, String schemaPath) throws Exception {
    repo.commit("layout", "Ada", Instant.parse("2025-01-01T00:00:00Z"));
    try (GitMigrationSource source =
        new GitMigrationSource(
            new GitSourceSpec(repo.url(), "main", path, null, schemaPath),
            null,
            mirrors,
            new GitMigrationSource.Limits(1 << 20, 1 << 24, 1000, Duration.ofSeconds(5)))) {
      return source.read();
    }
  }

  @Test
  void schema_prisma_with_models_in_a_folder_beside_it_is_read_whole() throws Exception {
    try (GitRepo repo =
        GitRepo.create()
            .write("prisma/migrations/a/migration.sql", "SELECT 1;")
            .write(
                "prisma/schema.prisma",
                "datasource db {\n  provider = \"postgresql\"\n  url = env(\"U\")\n}\n")
            .write("prisma/models/user.prisma", "model User {\n  id Int @id\n}\n")
            .write("prisma/node_modules/x/schema.prisma", "model Vendored {\n  id Int @id\n}\n")
            .write("other/elsewhere.prisma", "model Elsewhere {\n  id Int @id\n}\n")) {
      SourceSnapshot snapshot = read(repo, "prisma", null);
      assertThat(snapshot.schemaFiles()).containsOnlyKeys("schema.prisma", "models/user.prisma");
      assertThat(snapshot.schemaLookedFor())
          .isEqualTo("`prisma/schema.prisma` or `prisma/schema/`");
    }
  }

  @Test
  void a_schema_path_file_means_that_file_and_a_missing_one_says_where_it_looked()
      throws Exception {
    try (GitRepo repo =
        GitRepo.create()
            .write("prisma/migrations/a/migration.sql", "SELECT 1;")
            .write("prisma/schema.prisma", "model A {\n  id Int @id\n}\n")
            .write("prisma/models/user.prisma", "model User {\n  id Int @id\n}\n")) {
      assertThat(read(repo, "prisma", "schema.prisma").schemaFiles())
          .containsOnlyKeys("schema.prisma");
      SourceSnapshot missing = read(repo, "prisma", "db/main.prisma");
      assertThat(missing.schemaFiles()).isEmpty();
      assertThat(missing.schemaLookedFor()).isEqualTo("`prisma/db/main.prisma`");
    }
  }
}
