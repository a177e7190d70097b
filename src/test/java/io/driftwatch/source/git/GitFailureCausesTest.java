package io.driftwatch.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.driftwatch.source.SourceUnavailableException;
import io.driftwatch.testing.GitRepo;
import io.driftwatch.testing.HttpGitServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each way reading a repository fails says what failed, once: the transport (unreachable, refused,
 * server error), the objects (missing or corrupt), or the ref (absent, with some that exist). Real
 * repositories on disk and a smart-HTTP server on loopback.
 */
class GitFailureCausesTest {

  private GitRepo repo;
  private Path cache;

  @BeforeEach
  void create() throws Exception {
    repo =
        GitRepo.create()
            .write("prisma/migrations/20240101000000_init/migration.sql", "SELECT 1;\n")
            .write("prisma/schema.prisma", "model A {\n  id Int @id\n}\n");
    repo.commit("Init", "Ada", Instant.parse("2024-01-01T00:00:00Z"));
    cache = Files.createTempDirectory("dw-failures");
  }

  @AfterEach
  void delete() throws Exception {
    repo.close();
    FileUtils.delete(cache.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
  }

  private GitMigrationSource source(String url, String ref) {
    return new GitMigrationSource(
        new GitSourceSpec(url, ref, "prisma", null, null),
        null,
        new GitMirrors(cache, Duration.ZERO, Duration.ofSeconds(10), Clock.systemUTC()),
        new GitMigrationSource.Limits(1 << 20, 1 << 24, 1000, Duration.ofSeconds(5)));
  }

  private String failure(String url, String ref) {
    try (GitMigrationSource source = source(url, ref)) {
      return catchThrowableOfType(SourceUnavailableException.class, source::read).getMessage();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertSaidOnce(String message, String part) {
    assertThat(message).contains(part);
    assertThat(message.indexOf(part))
        .as("`%s` once in: %s", part, message)
        .isEqualTo(message.lastIndexOf(part));
  }

  @Test
  void a_remote_head_naming_an_absent_branch_does_not_matter_when_the_asked_ref_exists()
      throws Exception {
    RefUpdate head = repo.repository().updateRef("HEAD");
    assertThat(head.link("refs/heads/gone")).isIn(RefUpdate.Result.FORCED, RefUpdate.Result.NEW);
    try (GitMigrationSource source = source(repo.url(), "main")) {
      assertThat(source.read().migrations()).hasSize(1);
    }
  }

  @Test
  void an_absent_ref_is_named_with_refs_that_exist() throws Exception {
    repo.tag("v1");
    String message = failure(repo.url(), "release");
    assertThat(message)
        .contains("`release` is neither a branch, a tag nor a commit")
        .contains("(branches: main)")
        .contains("(tags: v1)")
        .contains("source.ref");
    assertThat(message).doesNotContain("no repository at that URL");
  }

  @Test
  void a_server_error_is_the_transport_failing_said_once() throws Exception {
    try (HttpGitServer server =
        HttpGitServer.failingUploads(repo.repository(), 500, "internal server error")) {
      String message = failure(server.url(), "main");
      assertThat(message).contains("the server failed");
      assertSaidOnce(message, "500 Internal Server Error");
      assertThat(message).doesNotContain("no repository at that URL");
    }
  }

  @Test
  void missing_objects_are_the_repository_s_objects_failing() throws Exception {
    ObjectId tip = repo.repository().resolve("refs/heads/main^{tree}");
    String hex = tip.getName();
    Files.delete(
        repo.root().resolve(".git/objects").resolve(hex.substring(0, 2)).resolve(hex.substring(2)));
    String message = failure(repo.url(), "main");
    assertThat(message).contains("missing or corrupt objects");
    assertThat(message).doesNotContain("no repository at that URL");
  }

  @Test
  void an_unreachable_host_is_the_transport_failing() {
    String message = failure("http://127.0.0.1:9/repo.git", "main");
    assertThat(message).contains("cannot reach");
  }

  @Test
  void no_repository_at_a_path_says_so() {
    String message = failure(repo.root().resolveSibling("nothing-here").toUri().toString(), "main");
    assertThat(message).contains("no repository at that URL");
  }
}
