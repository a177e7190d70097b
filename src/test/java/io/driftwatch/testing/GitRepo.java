package io.driftwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository in a temporary directory, built commit by commit for tests. */
public final class GitRepo implements AutoCloseable {

  private final Path root;
  private final Git git;

  private GitRepo(Path root, Git git) {
    this.root = root;
    this.git = git;
  }

  public static GitRepo create() {
    return createIn(TestSources.root());
  }

  /** A repository under {@code parent} (created if need be) rather than the temporary directory. */
  public static GitRepo createIn(Path parent) {
    try {
      Files.createDirectories(parent);
      Path root = Files.createTempDirectory(parent, "dw-git");
      return new GitRepo(
          root, Git.init().setDirectory(root.toFile()).setInitialBranch("main").call());
    } catch (IOException | GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public String url() {
    return root.toUri().toString();
  }

  public Path root() {
    return root;
  }

  public Repository repository() {
    return git.getRepository();
  }

  public GitRepo write(String path, String content) {
    return writeBytes(path, content.getBytes(StandardCharsets.UTF_8));
  }

  public GitRepo writeBytes(String path, byte[] content) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public GitRepo symlink(String path, String target) {
    try {
      Path link = root.resolve(path);
      Files.createDirectories(link.getParent());
      Files.createSymbolicLink(link, Path.of(target));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public GitRepo delete(String path) {
    try (Stream<Path> paths = Files.walk(root.resolve(path))) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public GitRepo move(String from, String to) {
    try {
      Files.createDirectories(root.resolve(to).getParent());
      Files.move(root.resolve(from), root.resolve(to));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stages everything (additions, changes, deletions) and commits at the given time. */
  public RevCommit commit(String subject, String author, Instant at) {
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      PersonIdent who =
          new PersonIdent(
              author,
              author.toLowerCase() + "@example.com",
              Date.from(at),
              TimeZone.getTimeZone("UTC"));
      return git.commit()
          .setMessage(subject)
          .setAuthor(who)
          .setCommitter(who)
          .setSign(false)
          .call();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public GitRepo branch(String name) {
    try {
      git.checkout().setCreateBranch(true).setName(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public GitRepo checkout(String name) {
    try {
      git.checkout().setName(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public GitRepo tag(String name) {
    try {
      git.tag().setName(name).setAnnotated(true).setMessage(name).setSigned(false).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    git.close();
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
