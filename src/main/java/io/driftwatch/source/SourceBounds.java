package io.driftwatch.source;

import io.driftwatch.config.DriftwatchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.jgit.transport.URIish;

/**
 * Where on this machine sources may be read: below one of {@code driftwatch.source.roots} (or in
 * the demo's own folder), real paths compared, and never in driftwatch's own files. Only an admin
 * token registers a source, but an admin token must not become a key to the service's host: the
 * master key, the admin token, the embedded store and the git mirrors stay out of reach whatever
 * the roots.
 */
@ApplicationScoped
public class SourceBounds {

  static final String ROOTS = "DRIFTWATCH_SOURCE_ROOTS";

  private final List<Path> roots;
  private final Path dataDir;
  private final Path gitCache;

  @Inject
  public SourceBounds(DriftwatchConfig config) {
    this(
        config.source().roots().orElse(List.of()).stream()
            .map(String::strip)
            .filter(root -> !root.isEmpty())
            .map(Path::of)
            .toList(),
        Path.of(config.dataDir()),
        Path.of(config.git().cacheDir().orElse(config.dataDir() + "/git")));
  }

  /**
   * @param roots the folders sources may be read below
   * @param dataDir driftwatch's own folder: nothing in it is read, except its {@code demo/} folder
   * @param gitCache where the git mirrors are kept: never read as a source
   */
  public SourceBounds(List<Path> roots, Path dataDir, Path gitCache) {
    this.roots = List.copyOf(roots);
    this.dataDir = dataDir;
    this.gitCache = gitCache;
  }

  /**
   * The same bounds with one root: an uploaded project's own folder, which no other source may
   * read.
   */
  public SourceBounds onlyBelow(Path root) {
    return new SourceBounds(List.of(root), dataDir, gitCache);
  }

  /**
   * Why the file or folder at {@code path} may not be read as a source, or null when it may.
   *
   * @param what how the message names it, e.g. "source.path `/srv/app/prisma`"
   */
  public String refusal(String what, Path path) {
    return refusalOfReal(what, real(path));
  }

  /**
   * Why the repository of a {@code file://} git URL may not be read, or null; null for network
   * URLs.
   */
  public String repositoryRefusal(String url) {
    if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("file:")) {
      return null;
    }
    String what = "the repository `" + url + "`";
    URIish uri;
    try {
      uri = new URIish(url);
    } catch (URISyntaxException e) {
      return what + " is not a valid file URL: write file:///absolute/path/to/repo";
    }
    // JGit reads the path it parses (percent-decoded): check that one, not the text.
    if (uri.getHost() != null && !uri.getHost().isEmpty() || uri.getPath() == null) {
      return what
          + " names a host: a file URL names a folder on this machine, file:///absolute/path/to/repo";
    }
    try {
      Path path = Path.of(uri.getPath());
      if (!path.isAbsolute()) {
        return what + " is not absolute: write file:///absolute/path/to/repo";
      }
      return refusal(what, path);
    } catch (InvalidPathException e) {
      return what + " is not a valid path: " + e.getReason();
    }
  }

  /** As {@link #refusal}, for a path already free of links (one read without following them). */
  String refusalOfReal(String what, Path real) {
    Path data = real(dataDir);
    // The demo's folder as written under the real data dir: a link there does not widen anything.
    Path demo = data.resolve("demo");
    Path cache = real(gitCache);
    if (real.startsWith(cache) || (real.startsWith(data) && !real.startsWith(demo))) {
      return what
          + " is in driftwatch's own data ("
          + data
          + " holds its master key, admin token, embedded store and "
          + "git mirrors), which is never read as a source: keep the prisma folder elsewhere";
    }
    if (data.startsWith(real) || cache.startsWith(real)) {
      return what
          + " holds driftwatch's own data ("
          + data
          + ": its master key, admin token, embedded store and git "
          + "mirrors), which is never read as a source: name the prisma folder itself";
    }
    List<Path> allowed = new ArrayList<>();
    for (Path root : roots) {
      allowed.add(real(root));
    }
    allowed.add(demo);
    if (allowed.stream().anyMatch(real::startsWith)) {
      return null;
    }
    if (roots.isEmpty()) {
      return what
          + " may not be read: "
          + ROOTS
          + " is not set, so no folder on this machine may be a source (only "
          + "the demo's); set "
          + ROOTS
          + " to the folders that hold your prisma folders, comma-separated";
    }
    return what
        + " is not below "
        + ROOTS
        + " ("
        + roots.stream().map(Path::toString).collect(Collectors.joining(", "))
        + "): move it below one of them or add the folder that holds it to "
        + ROOTS;
  }

  /**
   * The real path: links resolved, as far as the path exists (the rest is appended as written, so a
   * path that does not exist yet is judged where it would be).
   */
  static Path real(Path path) {
    Path absolute = path.toAbsolutePath();
    try {
      return absolute.toRealPath();
    } catch (IOException e) {
      // Does not exist (or cannot be resolved): resolve the longest prefix that does.
    }
    Path normalized = absolute.normalize();
    Path existing = normalized.getParent();
    while (existing != null) {
      try {
        return existing.toRealPath().resolve(existing.relativize(normalized));
      } catch (IOException e) {
        existing = existing.getParent();
      }
    }
    return normalized;
  }
}
