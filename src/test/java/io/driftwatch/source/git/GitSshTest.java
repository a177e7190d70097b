package io.driftwatch.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.history.FolderMigration;
import io.driftwatch.source.SourceUnavailableException;
import io.driftwatch.testing.GitRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.eclipse.jgit.junit.ssh.SshTestGitServer;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ssh sources against a real ssh git server on loopback: key from memory, host key always checked.
 */
class GitSshTest {

  private GitRepo repo;
  private SshTestGitServer server;
  private Path cache;
  private KeyPair user;
  private KeyPair host;
  private int port;

  @BeforeEach
  void start() throws Exception {
    repo =
        GitRepo.create()
            .write("prisma/migrations/20240101000000_init/migration.sql", "SELECT 1;\n");
    repo.commit("Init", "Ada", Instant.parse("2024-01-01T00:00:00Z"));
    user = rsa();
    host = rsa();
    server = new SshTestGitServer("git", user.getPublic(), repo.repository(), host);
    port = server.start();
    cache = Files.createTempDirectory("dw-ssh-cache");
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
    repo.close();
    FileUtils.delete(cache.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static String pem(KeyPair key) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private String knownHosts(KeyPair hostKey) {
    return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n";
  }

  private GitMirrors mirrors() {
    return new GitMirrors(cache, Duration.ZERO, Duration.ofSeconds(20), Clock.systemUTC());
  }

  private String url() {
    return "ssh://git@127.0.0.1:" + port + "/repo";
  }

  @Test
  void reads_over_ssh_with_an_in_memory_key() throws Exception {
    GitCredentials credentials = new GitCredentials(null, null, pem(user), knownHosts(host));
    GitSourceSpec spec = new GitSourceSpec(url(), "main", "prisma", null, null);
    spec.validate(credentials);
    try (GitMigrationSource source =
        new GitMigrationSource(
            spec,
            credentials,
            mirrors(),
            new GitMigrationSource.Limits(1 << 20, 1 << 24, 1000, Duration.ofSeconds(5)))) {
      SourceSnapshot snapshot = source.read();
      assertThat(snapshot.migrations())
          .extracting(FolderMigration::name)
          .containsExactly("20240101000000_init");
      assertThat(snapshot.revision())
          .hasValueSatisfying(revision -> assertThat(revision.subject()).isEqualTo("Init"));
    }
    try (Stream<Path> files = Files.walk(cache)) {
      assertThat(files.filter(Files::isRegularFile))
          .allSatisfy(
              file ->
                  assertThat(Files.readAllBytes(file))
                      .asString(StandardCharsets.ISO_8859_1)
                      .doesNotContain("PRIVATE KEY"));
    }
  }

  @Test
  void an_unknown_host_key_is_refused() throws Exception {
    GitCredentials credentials = new GitCredentials(null, null, pem(user), knownHosts(rsa()));
    assertThatThrownBy(() -> mirrors().sync(url(), credentials))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("cannot clone")
        .hasMessageContaining("host key");
    assertThat(Files.exists(mirrors().directoryFor(url()))).isFalse();
  }

  @Test
  void a_key_the_server_does_not_know_is_refused() throws Exception {
    GitCredentials credentials = new GitCredentials(null, null, pem(rsa()), knownHosts(host));
    assertThatThrownBy(() -> mirrors().sync(url(), credentials))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("credentials were refused");
  }
}
