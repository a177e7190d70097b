package io.driftwatch.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.source.ScriptMemory;
import io.driftwatch.source.SourceUnavailableException;
import io.driftwatch.testing.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.Test;

/**
 * A git source reserves its scripts' memory from the blobs' sizes before reading them, and hands it
 * back on close.
 */
class GitScriptMemoryTest {

  private static final GitMigrationSource.Limits LIMITS =
      new GitMigrationSource.Limits(1 << 20, 1 << 24, 1000, Duration.ofSeconds(5));

  @Test
  void the_blobs_are_reserved_before_they_are_read_and_released_on_close() throws Exception {
    Path cache = Files.createTempDirectory("dw-mirrors");
    try (GitRepo repo =
        GitRepo.create()
            .write("prisma/migrations/20240101000000_init/migration.sql", "x".repeat(5000))
            .write("prisma/migrations/20240102000000_next/migration.sql", "SELECT 1;\n")
            .write("prisma/schema.prisma", "model A {\n  id Int @id\n}\n")) {
      repo.commit("Two migrations", "Ann", Instant.parse("2025-01-01T00:00:00Z"));
      GitMirrors mirrors =
          new GitMirrors(cache, Duration.ZERO, Duration.ofSeconds(30), Clock.systemUTC());
      GitSourceSpec spec = new GitSourceSpec(repo.url(), "main", "prisma", null, null);
      long needed =
          5000
              + 10
              + 2 * ScriptMemory.PER_MIGRATION_BYTES
              + "model A {\n  id Int @id\n}\n".length();

      ScriptMemory memory = new ScriptMemory(needed, Duration.ZERO);
      try (GitMigrationSource source =
          new GitMigrationSource(spec, null, mirrors, LIMITS, url -> null, memory)) {
        assertThat(source.read().migrations()).hasSize(2);
        assertThat(memory.held()).isEqualTo(needed);
      }
      assertThat(memory.held()).isZero();

      ScriptMemory small = new ScriptMemory(needed - 100, Duration.ZERO);
      try (GitMigrationSource source =
          new GitMigrationSource(spec, null, mirrors, LIMITS, url -> null, small)) {
        assertThatThrownBy(source::read)
            .isInstanceOf(SourceUnavailableException.class)
            .hasMessageContaining("the 2 migrations of")
            .hasMessageContaining("DRIFTWATCH_SOURCE_MAX_HELD_BYTES");
      }
      assertThat(small.held()).isZero();
    } finally {
      FileUtils.delete(cache.toFile(), FileUtils.RECURSIVE);
    }
  }
}
