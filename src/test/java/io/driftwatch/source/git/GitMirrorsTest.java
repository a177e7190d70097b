package io.driftwatch.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.source.SourceUnavailableException;
import io.driftwatch.testing.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.Test;

class GitMirrorsTest {

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.parse("2025-01-01T00:00:00Z"));

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  @Test
  void clones_once_then_fetches_at_most_once_per_interval() throws Exception {
    Path cache = Files.createTempDirectory("dw-mirrors");
    ManualClock clock = new ManualClock();
    GitMirrors mirrors =
        new GitMirrors(cache, Duration.ofMinutes(1), Duration.ofSeconds(30), clock);
    try (GitRepo repo = GitRepo.create().write("prisma/migrations/a/migration.sql", "SELECT 1;")) {
      repo.commit("first", "Ada", Instant.parse("2025-01-01T00:00:00Z"));
      try (Repository first = sync(mirrors, repo.url(), GitMirrors.Sync.CLONED)) {
        assertThat(first.isBare()).isTrue();
      }
      sync(mirrors, repo.url(), GitMirrors.Sync.FRESH).close();

      repo.write("prisma/migrations/b/migration.sql", "SELECT 2;")
          .commit("second", "Ada", Instant.parse("2025-01-02T00:00:00Z"));
      clock.now.set(clock.now.get().plusSeconds(61));
      try (Repository fetched = sync(mirrors, repo.url(), GitMirrors.Sync.FETCHED)) {
        assertThat(fetched.resolve("refs/heads/main^{commit}").getName())
            .isEqualTo(Git.open(repo.root().toFile()).getRepository().resolve("HEAD").getName());
      }
    } finally {
      FileUtils.delete(cache.toFile(), FileUtils.RECURSIVE);
    }
  }

  @Test
  void unreachable_remote_is_unavailable_with_a_reason() throws Exception {
    Path cache = Files.createTempDirectory("dw-mirrors");
    GitMirrors mirrors =
        new GitMirrors(cache, Duration.ZERO, Duration.ofSeconds(5), Clock.systemUTC());
    assertThatThrownBy(() -> mirrors.sync("file:///nonexistent/repo.git", null))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("cannot clone file:///nonexistent/repo.git");
    assertThat(cache.resolve("ssh")).doesNotExist();
    FileUtils.delete(cache.toFile(), FileUtils.RECURSIVE);
  }

  private static Repository sync(GitMirrors mirrors, String url, GitMirrors.Sync expected)
      throws Exception {
    GitMirrors.Synced synced = mirrors.sync(url, null);
    assertThat(synced.sync()).isEqualTo(expected);
    return synced.repository();
  }

  @Test
  void the_git_source_reads_the_schema_file_or_folder_at_the_ref() throws Exception {
    Path cache = Files.createTempDirectory("dw-mirrors");
    GitMirrors mirrors =
        new GitMirrors(cache, Duration.ZERO, Duration.ofSeconds(30), Clock.systemUTC());
    GitMigrationSource.Limits limits =
        new GitMigrationSource.Limits(1 << 20, 1 << 24, 1000, Duration.ofSeconds(5));
    try (GitRepo repo =
        GitRepo.create()
            .write("prisma/migrations/a/migration.sql", "SELECT 1;")
            .write("prisma/schema.prisma", "model User {\n  id Int @id\n}\n")
            .write("db/schema/main.prisma", "datasource db {}")
            .write("db/schema/sub/post.prisma", "model Post {\n  id Int @id\n}")
            .write("db/migrations/a/migration.sql", "SELECT 1;")) {
      repo.commit("first", "Ada", Instant.parse("2025-01-01T00:00:00Z"));
      try (GitMigrationSource single =
              new GitMigrationSource(
                  new GitSourceSpec(repo.url(), "main", "prisma", null, null),
                  null,
                  mirrors,
                  limits);
          GitMigrationSource folder =
              new GitMigrationSource(
                  new GitSourceSpec(repo.url(), "main", "db", null, null), null, mirrors, limits)) {
        assertThat(single.read().schemaFiles()).containsOnlyKeys("schema.prisma");
        assertThat(folder.read().schemaFiles()).containsOnlyKeys("main.prisma", "sub/post.prisma");
      }
    } finally {
      FileUtils.delete(cache.toFile(), FileUtils.RECURSIVE);
    }
  }
}
