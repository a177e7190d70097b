package io.driftwatch.source.git;

import io.driftwatch.source.InvalidSourceException;
import io.driftwatch.source.SourceSpec;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A git repository as the source of truth: the folder at {@code path} (holding {@code migrations/}
 * and the schema) in the tree of {@code ref}, read from a bare mirror without a checkout.
 *
 * @param url https, ssh ({@code ssh://} or {@code git@host:org/repo.git}) or file URL
 * @param ref a branch, a tag or a commit
 * @param path the folder inside the repository, e.g. {@code packages/db/prisma}; empty for the root
 * @param migrationsPath optional override of the migrations folder, relative to {@code path}
 * @param schemaPath optional override of the schema file or folder, relative to {@code path}
 */
public record GitSourceSpec(String url, String ref, String path, String migrationsPath, String schemaPath)
    implements SourceSpec {

  public static final String TYPE = "git";

  private static final Pattern SCP_LIKE = Pattern.compile("^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^/].*$");

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

  /** Where the schema may be in the repository: {@code schemaPath}, else {@code schema.prisma}, else {@code schema/}. */
  public java.util.List<String> schemaCandidates() {
    String base = path == null ? "" : path;
    return schemaPath != null
        ? java.util.List.of(RepositoryPaths.join(base, schemaPath))
        : java.util.List.of(RepositoryPaths.join(base, "schema.prisma"), RepositoryPaths.join(base, "schema"));
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
    if (!(lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("file://") || ssh())) {
      throw new InvalidSourceException("source.url must be an https, ssh or file URL (got `" + RepositoryPaths.maskUrl(url) + "`)");
    }
    if (lower.startsWith("https://") && url.substring(8).contains("@")) {
      throw new InvalidSourceException("source.url must not hold credentials; send the token in source.credentials.token");
    }
    if (ref == null || ref.isBlank()) {
      throw new InvalidSourceException("source.ref is required: a branch, a tag or a commit");
    }
    if (ref.contains("..") || ref.startsWith("-") || ref.chars().anyMatch(c -> c < 0x20 || c == ' ' || c == '~' || c == '^' || c == ':')) {
      throw new InvalidSourceException("source.ref `" + ref + "` is not a valid branch, tag or commit name");
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
    }
    if (ssh() && (credentials == null || credentials.sshPrivateKey() == null)) {
      throw new InvalidSourceException("an ssh source needs source.credentials.sshPrivateKey and sshKnownHosts");
    }
  }
}
