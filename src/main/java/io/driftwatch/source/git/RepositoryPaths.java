package io.driftwatch.source.git;

import io.driftwatch.source.InvalidSourceException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Paths inside a repository: relative, normalised, never escaping the tree. */
public final class RepositoryPaths {

  private RepositoryPaths() {}

  static void requireRelative(String field, String path) {
    if (path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
      throw new InvalidSourceException(
          field + " must be a relative path inside the repository (got `" + path + "`)");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".") || (segment.isEmpty() && !path.isEmpty())) {
        throw new InvalidSourceException(
            field
                + " must be a normalised path inside the repository, without `.`, `..` "
                + "or empty segments (got `"
                + path
                + "`)");
      }
    }
  }

  static String join(String base, String child) {
    String trimmedBase = strip(base);
    String trimmedChild = strip(child);
    if (trimmedBase.isEmpty()) {
      return trimmedChild;
    }
    return trimmedChild.isEmpty() ? trimmedBase : trimmedBase + "/" + trimmedChild;
  }

  /** The folder holding a path ({@code ""} for the repository's root). */
  static String parent(String path) {
    String trimmed = strip(path);
    int slash = trimmed.lastIndexOf('/');
    return slash < 0 ? "" : trimmed.substring(0, slash);
  }

  /** A tree entry name driftwatch accepts: a crafted tree could hold anything. */
  static boolean safeName(String name) {
    return !name.isEmpty()
        && !name.equals(".")
        && !name.equals("..")
        && !name.contains("/")
        && !name.contains("\\")
        && !name.contains("\0");
  }

  /**
   * The host of an https, ssh, file or scp-like ({@code git@host:org/repo}) URL; null when it has
   * none.
   */
  public static String host(String url) {
    Matcher scp = Pattern.compile("^[A-Za-z0-9._-]+@([A-Za-z0-9.-]+):[^/].*$").matcher(url);
    if (scp.matches()) {
      return scp.group(1);
    }
    try {
      return URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * A URL, or a message quoting URLs, fit for a log line, a report or a response: see {@link
   * GitUrls#mask}.
   */
  public static String maskUrl(String url) {
    return GitUrls.mask(url);
  }

  private static String strip(String path) {
    String result = path;
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }
}
