package io.driftwatch.source.git;

import io.driftwatch.source.InvalidSourceException;

/** Paths inside a repository: relative, normalised, never escaping the tree. */
public final class RepositoryPaths {

  private RepositoryPaths() {}

  static void requireRelative(String field, String path) {
    if (path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
      throw new InvalidSourceException(field + " must be a relative path inside the repository (got `" + path + "`)");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".") || (segment.isEmpty() && !path.isEmpty())) {
        throw new InvalidSourceException(field + " must be a normalised path inside the repository, without `.`, `..` "
            + "or empty segments (got `" + path + "`)");
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

  /** A tree entry name driftwatch accepts: a crafted tree could hold anything. */
  static boolean safeName(String name) {
    return !name.isEmpty() && !name.equals(".") && !name.equals("..") && !name.contains("/") && !name.contains("\\")
        && !name.contains("\0");
  }

  /** A URL fit for a log line or a report: user info removed. */
  public static String maskUrl(String url) {
    return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1****@");
  }

  private static String strip(String path) {
    String result = path;
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }
}
