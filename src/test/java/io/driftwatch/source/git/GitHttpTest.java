package io.driftwatch.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.core.history.FolderMigration;
import io.driftwatch.source.SourceUnavailableException;
import io.driftwatch.testing.GitRepo;
import io.driftwatch.testing.HttpGitServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A token source against a smart-HTTP git server on loopback that wants Basic authentication. */
class GitHttpTest {

  private GitRepo repo;
  private HttpGitServer server;
  private Path cache;

  @BeforeEach
  void start() throws Exception {
    repo = GitRepo.create().write("prisma/migrations/20240101000000_init/migration.sql", "SELECT 1;\n");
    repo.commit("Init", "Ada", Instant.parse("2024-01-01T00:00:00Z"));
    server = HttpGitServer.serve(repo.repository(), "x-access-token", "s3cret-token");
    cache = Files.createTempDirectory("dw-http-cache");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    repo.close();
    FileUtils.delete(cache.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
  }

  private GitMirrors mirrors() {
    return new GitMirrors(cache, Duration.ZERO, Duration.ofSeconds(20), Clock.systemUTC());
  }

  @Test
  void token_is_sent_and_the_tree_is_read() throws Exception {
    GitCredentials credentials = new GitCredentials(null, "s3cret-token", null, null);
    GitSourceSpec spec = new GitSourceSpec(server.url(), "main", "prisma", null, null);
    spec.validate(credentials);
    try (GitMigrationSource source = new GitMigrationSource(spec, credentials, mirrors(),
        new GitMigrationSource.Limits(1 << 20, 1 << 24, 1000, Duration.ofSeconds(5)))) {
      assertThat(source.read().migrations()).extracting(FolderMigration::name).containsExactly("20240101000000_init");
    }
    GitMirrors.Synced again = mirrors().sync(server.url(), credentials);
    assertThat(again.sync()).isEqualTo(GitMirrors.Sync.FETCHED);
    again.repository().close();
  }

  @Test
  void a_wrong_token_is_refused_without_echoing_it() {
    GitCredentials credentials = new GitCredentials(null, "wrong-token", null, null);
    assertThatThrownBy(() -> mirrors().sync(server.url(), credentials))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("credentials were refused")
        .hasMessageNotContaining("wrong-token");
  }

  @Test
  void no_token_is_refused() {
    assertThatThrownBy(() -> mirrors().sync(server.url(), null))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("cannot clone");
  }
}
