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

/**
 * A token source against smart-HTTP git servers on loopback that want Basic authentication: the
 * token goes to the https host it was given for, never over plain http nor to a host a redirect
 * names.
 */
class GitHttpTest {

  private static final String TOKEN = "s3cret-token";

  private GitRepo repo;
  private HttpGitServer server;
  private HttpGitServer plain;
  private Path cache;
  private AutoCloseable trust;

  @BeforeEach
  void start() throws Exception {
    repo =
        GitRepo.create()
            .write("prisma/migrations/20240101000000_init/migration.sql", "SELECT 1;\n");
    repo.commit("Init", "Ada", Instant.parse("2024-01-01T00:00:00Z"));
    server = HttpGitServer.serveHttps(repo.repository(), "x-access-token", TOKEN);
    plain = HttpGitServer.serve(repo.repository(), "x-access-token", TOKEN);
    cache = Files.createTempDirectory("dw-http-cache");
    trust = HttpGitServer.trustedByGit();
  }

  @AfterEach
  void stop() throws Exception {
    trust.close();
    server.close();
    plain.close();
    repo.close();
    FileUtils.delete(cache.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
  }

  private GitMirrors mirrors() {
    return new GitMirrors(cache, Duration.ZERO, Duration.ofSeconds(20), Clock.systemUTC());
  }

  @Test
  void token_is_sent_and_the_tree_is_read() throws Exception {
    GitCredentials credentials = new GitCredentials(null, TOKEN, null, null);
    GitSourceSpec spec = new GitSourceSpec(server.url(), "main", "prisma", null, null);
    spec.validate(credentials);
    try (GitMigrationSource source =
        new GitMigrationSource(
            spec,
            credentials,
            mirrors(),
            new GitMigrationSource.Limits(1 << 20, 1 << 24, 1000, Duration.ofSeconds(5)))) {
      assertThat(source.read().migrations())
          .extracting(FolderMigration::name)
          .containsExactly("20240101000000_init");
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
    assertThatThrownBy(() -> mirrors().sync(plain.url(), null))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("cannot clone");
  }

  @Test
  void a_token_is_never_sent_over_plain_http() {
    GitCredentials credentials = new GitCredentials(null, TOKEN, null, null);
    assertThatThrownBy(() -> mirrors().sync(plain.url(), credentials))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("never sent over plain http")
        .hasMessageNotContaining(TOKEN);
    assertThat(plain.received(TOKEN)).as("the http server saw the token").isFalse();
  }

  @Test
  void a_redirect_to_another_host_gets_no_token() throws Exception {
    try (HttpGitServer redirect = HttpGitServer.redirectHttps(server.url())) {
      GitCredentials credentials = new GitCredentials(null, TOKEN, null, null);
      assertThatThrownBy(() -> mirrors().sync(redirect.url(), credentials))
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageNotContaining(TOKEN);
      assertThat(server.authorizations()).as("the redirect was followed").isNotEmpty();
      assertThat(server.received(TOKEN)).as("the host the redirect named saw the token").isFalse();
    }
  }

  @Test
  void a_stored_url_holding_a_password_is_not_fetched() {
    String url = plain.url().replace("http://", "http://x-access-token:" + TOKEN + "@");
    assertThatThrownBy(() -> mirrors().sync(url, null))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("holds credentials")
        .hasMessageNotContaining(TOKEN);
    assertThat(plain.authorizations()).as("nothing reached the server").isEmpty();
  }
}
