package io.driftwatch.source.git;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.source.SourceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.util.FileUtils;
import org.jboss.logging.Logger;

/**
 * One bare mirror per repository URL in the cache directory. The first audit clones it; later
 * audits fetch at most once per interval, shared by every environment on that repository; one lock
 * per repository serialises clone and fetch. A failed fetch is an error, never a silent audit of
 * what the mirror held before.
 */
@ApplicationScoped
public class GitMirrors {

  private static final Logger LOG = Logger.getLogger(GitMirrors.class);
  private static final RefSpec[] REF_SPECS = {
    new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*")
  };

  private final Path root;
  private final Duration interval;
  private final int timeoutSeconds;
  private final Clock clock;
  private final Map<String, Mirror> mirrors = new ConcurrentHashMap<>();

  @Inject
  public GitMirrors(DriftwatchConfig config) {
    this(
        Path.of(config.git().cacheDir().orElse(config.dataDir() + "/git")),
        config.git().fetchInterval(),
        config.git().timeout(),
        Clock.systemUTC());
  }

  GitMirrors(Path root, Duration interval, Duration timeout, Clock clock) {
    this.root = root;
    this.interval = interval;
    this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
    this.clock = clock;
  }

  /** What happened to a repository's mirror during one sync. */
  public enum Sync {
    CLONED,
    FETCHED,
    FRESH
  }

  /** A mirror, up to date within the interval; the caller closes the repository. */
  public record Synced(Repository repository, Sync sync) {}

  private static final class Mirror {
    final ReentrantLock lock = new ReentrantLock();
    volatile Instant fetchedAt;
  }

  /**
   * Clones or fetches as needed and opens the mirror.
   *
   * @throws SourceUnavailableException saying why the remote could not be read
   */
  public Synced sync(String url, GitCredentials credentials) throws SourceUnavailableException {
    refuseUnsafe(url, credentials);
    Path directory = directoryFor(url);
    Mirror mirror = mirrors.computeIfAbsent(url, ignored -> new Mirror());
    mirror.lock.lock();
    try {
      Sync sync;
      if (!Files.isDirectory(directory.resolve("objects"))) {
        clone(url, credentials, directory);
        sync = Sync.CLONED;
      } else if (mirror.fetchedAt == null
          || mirror.fetchedAt.plus(interval).isBefore(clock.instant())) {
        fetch(url, credentials, directory);
        sync = Sync.FETCHED;
      } else {
        sync = Sync.FRESH;
      }
      if (sync != Sync.FRESH) {
        mirror.fetchedAt = clock.instant();
      }
      return new Synced(open(directory), sync);
    } finally {
      mirror.lock.unlock();
    }
  }

  /**
   * The save-time rules again, for a row stored before them or written around them: the audit fails
   * with the reason rather than send a credential where it could be read.
   */
  private static void refuseUnsafe(String url, GitCredentials credentials)
      throws SourceUnavailableException {
    String credential = GitUrls.credentialIn(url);
    if (credential != null) {
      throw new SourceUnavailableException(
          "cannot fetch "
              + RepositoryPaths.maskUrl(url)
              + ": the stored source.url "
              + "holds credentials ("
              + credential
              + "); PUT the environment with the URL without them and the token in "
              + "source.credentials.token");
    }
    if (credentials != null && credentials.token() != null && GitUrls.plainHttp(url)) {
      throw new SourceUnavailableException(
          "cannot fetch "
              + RepositoryPaths.maskUrl(url)
              + ": source.credentials.token "
              + "is never sent over plain http; PUT the environment with the repository's https URL and source.credentials");
    }
  }

  /** The mirror as it is, without touching the network: what the last successful fetch brought. */
  public Repository openExisting(String url) throws IOException {
    Path directory = directoryFor(url);
    if (!Files.isDirectory(directory.resolve("objects"))) {
      throw new IOException("no mirror of " + RepositoryPaths.maskUrl(url) + " yet");
    }
    return open(directory);
  }

  Path directoryFor(String url) {
    return root.resolve(hash(url));
  }

  /**
   * A new mirror: an empty bare repository that fetches every branch and tag. Not {@code git
   * clone}, which also follows the remote's HEAD: a HEAD naming a deleted branch would fail a
   * source whose own ref exists.
   */
  private void clone(String url, GitCredentials credentials, Path directory)
      throws SourceUnavailableException {
    Path staging = directory.resolveSibling(directory.getFileName() + ".cloning");
    try {
      Files.createDirectories(root);
      deleteQuietly(staging);
      try (Git git = Git.init().setBare(true).setDirectory(staging.toFile()).call()) {
        git.getRepository().getConfig().setString("remote", "origin", "url", url);
        git.getRepository()
            .getConfig()
            .setStringList(
                "remote",
                "origin",
                "fetch",
                Arrays.stream(REF_SPECS).map(RefSpec::toString).toList());
        // No automatic gc after a fetch, and none in the background: JGit's background gc takes
        // its gc.log lock before it decides there is nothing to do, and raced the move of the
        // staging folder below (its lock could not be released in the moved folder).
        git.getRepository().getConfig().setInt("gc", null, "auto", 0);
        git.getRepository().getConfig().setBoolean("gc", null, "autoDetach", false);
        git.getRepository().getConfig().save();
        fetchInto(git, url, credentials);
      }
      Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
      LOG.debugf("cloned %s", RepositoryPaths.maskUrl(url));
    } catch (GitAPIException | IOException | RuntimeException e) {
      deleteQuietly(staging);
      throw new SourceUnavailableException(
          "cannot clone " + RepositoryPaths.maskUrl(url) + ": " + GitFailures.reason(e), e);
    }
  }

  private void fetch(String url, GitCredentials credentials, Path directory)
      throws SourceUnavailableException {
    try (Git git = Git.open(directory.toFile())) {
      fetchInto(git, url, credentials);
    } catch (GitAPIException | IOException | RuntimeException e) {
      throw new SourceUnavailableException(
          "cannot fetch " + RepositoryPaths.maskUrl(url) + ": " + GitFailures.reason(e), e);
    }
  }

  private void fetchInto(Git git, String url, GitCredentials credentials)
      throws GitAPIException, IOException {
    try (Access access = new Access(url, credentials)) {
      access
          .apply(
              git.fetch()
                  .setRemote(url)
                  .setRefSpecs(REF_SPECS)
                  .setRemoveDeletedRefs(true)
                  .setCheckFetchedObjects(true)
                  .setTimeout(timeoutSeconds))
          .call();
    }
  }

  /**
   * How one clone or fetch authenticates; closed when the operation ends. The token is bound to the
   * URL's scheme, host and port and withheld from plain http (see {@link OriginBoundCredentials}).
   */
  private final class Access implements AutoCloseable {
    private final CredentialsProvider provider;
    private final SshdSessionFactory ssh;

    Access(String url, GitCredentials credentials) throws IOException {
      this.provider =
          credentials == null || credentials.token() == null
              ? null
              : new OriginBoundCredentials(url, credentials);
      this.ssh =
          credentials == null || credentials.sshPrivateKey() == null
              ? null
              : SshAccess.sessionFactory(credentials, root.resolve("ssh-empty"));
    }

    <C extends TransportCommand<C, ?>> C apply(C command) {
      if (provider != null) {
        command.setCredentialsProvider(provider);
      }
      if (ssh != null) {
        command.setTransportConfigCallback(
            transport -> {
              if (transport instanceof SshTransport sshTransport) {
                sshTransport.setSshSessionFactory(ssh);
              }
            });
      }
      return command;
    }

    @Override
    public void close() {
      if (ssh != null) {
        ssh.close();
      }
    }
  }

  private static Repository open(Path directory) {
    try {
      return new FileRepositoryBuilder()
          .setGitDir(directory.toFile())
          .setMustExist(true)
          .setBare()
          .build();
    } catch (IOException e) {
      throw new IllegalStateException("the mirror in " + directory + " cannot be opened", e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      FileUtils.delete(
          path.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING | FileUtils.IGNORE_ERRORS);
    } catch (IOException e) {
      LOG.debugf("cannot delete %s", path);
    }
  }

  private static String hash(String url) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
