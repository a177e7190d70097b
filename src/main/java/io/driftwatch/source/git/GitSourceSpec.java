package io.driftwatch.source.git;

import io.driftwatch.source.InvalidSourceException;
import io.driftwatch.source.SourceSpec;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A git repository as the source of truth: the folder at {@code path} in the tree of {@code ref},
 * read from a bare mirror without a checkout. The folder is the project's {@code prisma/} (holding
 * {@code migrations/} and the schema) or the folder holding its {@code prisma.config.ts}; a config
 * in the folder above {@code prisma/} is found too (see {@code ProjectLayouts}).
 *
 * @param url https, ssh ({@code ssh://} or {@code git@host:org/repo.git}) or file URL
 * @param ref a branch, a tag or a commit
 * @param path the folder inside the repository, e.g. {@code packages/db/prisma}; empty for the root
 * @param migrationsPath optional override of the migrations folder, relative to {@code path}
 * @param schemaPath optional override of the schema file or folder, relative to {@code path}
 */
public record GitSourceSpec(
    String url, String ref, String path, String migrationsPath, String schemaPath)
    implements SourceSpec {

  public static final String TYPE = "git";

  private static final Pattern URL_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,15}://");
  private static final Pattern SCP_LIKE =
      Pattern.compile("^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^/].*$");

  @Override
  public String type() {
    return TYPE;
  }

  /** The migrations folder's path in the repository, without a trailing slash. */
  public String migrationsDirectory() {
    String base = path == null ? "" : path;
    String migrations = migrationsPath == null ? "migrations" : migrationsPath;
    return RepositoryPaths.join(base, migrations);
  }

  /** As the record's, with the URL masked: this string reaches the change log and log lines. */
  @Override
  public String toString() {
    return "GitSourceSpec[url="
        + RepositoryPaths.maskUrl(url)
        + ", ref="
        + ref
        + ", path="
        + path
        + ", migrationsPath="
        + migrationsPath
        + ", schemaPath="
        + schemaPath
        + "]";
  }

  public boolean ssh() {
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("ssh://") || SCP_LIKE.matcher(url).matches();
  }

  /**
   * Checks what can be checked without the network.
   *
   * @throws InvalidSourceException naming the first problem
   */
  public void validate(GitCredentials credentials) {
    if (url == null || url.isBlank()) {
      throw new InvalidSourceException("source.url is required for a git source");
    }
    String lower = url.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("https://")
        || lower.startsWith("http://")
        || lower.startsWith("file://")
        || ssh())) {
      // Only the scheme is echoed: a URL refused here was never parsed, so masking cannot be
      // trusted on it.
      Matcher scheme = URL_SCHEME.matcher(url);
      throw new InvalidSourceException(
          "source.url must be an https, ssh or file URL (got "
              + (scheme.lookingAt() ? "a `" + scheme.group() + "` URL" : "something else")
              + ")");
    }
    GitUrls.Origin origin = GitUrls.origin(url);
    if (!lower.startsWith("file://") && (origin == null || origin.host().isEmpty())) {
      // Not echoed: a password with an unencoded `/` breaks the URL before its `@`, so masking
      // misses it.
      throw new InvalidSourceException(
          "source.url must name a host, and a port only in digits; credentials go in "
              + "source.credentials, never in the URL");
    }
    String credential = GitUrls.credentialIn(url);
    if (credential != null) {
      throw new InvalidSourceException(
          "source.url must not hold credentials (it has "
              + credential
              + "): "
              + (ssh()
                  ? "an ssh source authenticates with source.credentials.sshPrivateKey"
                  : "send the token in source.credentials.token"));
    }
    if (ref == null || ref.isBlank()) {
      throw new InvalidSourceException("source.ref is required: a branch, a tag or a commit");
    }
    if (ref.contains("..")
        || ref.startsWith("-")
        || ref.chars().anyMatch(c -> c < 0x20 || c == ' ' || c == '~' || c == '^' || c == ':')) {
      throw new InvalidSourceException(
          "source.ref `" + ref + "` is not a valid branch, tag or commit name");
    }
    RepositoryPaths.requireRelative("source.path", path == null ? "" : path);
    if (migrationsPath != null) {
      RepositoryPaths.requireRelative("source.migrationsPath", migrationsPath);
    }
    if (schemaPath != null) {
      RepositoryPaths.requireRelative("source.schemaPath", schemaPath);
    }
    if (credentials != null) {
      credentials.validate(ssh());
      if (credentials.token() != null && GitUrls.plainHttp(url)) {
        throw new InvalidSourceException(
            "source.credentials.token is never sent over plain http, where anyone on the "
                + "way could read it: use the repository's https URL");
      }
    }
    if (ssh() && (credentials == null || credentials.sshPrivateKey() == null)) {
      throw new InvalidSourceException(
          "an ssh source needs source.credentials.sshPrivateKey and sshKnownHosts");
    }
  }
}
