package io.driftwatch.source.adapters;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.database.OutboundPolicy;
import io.driftwatch.source.MigrationSource;
import io.driftwatch.source.PathMigrationSource;
import io.driftwatch.source.PathSourceSpec;
import io.driftwatch.source.ScriptMemory;
import io.driftwatch.source.SourceBounds;
import io.driftwatch.source.SourceSpec;
import io.driftwatch.source.UploadedSourceSpec;
import io.driftwatch.source.git.GitCredentials;
import io.driftwatch.source.git.GitMigrationSource;
import io.driftwatch.source.git.GitMirrors;
import io.driftwatch.source.git.GitSourceSpec;
import io.driftwatch.source.git.RepositoryPaths;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;

/**
 * Opens the adapter that reads a given kind of source: a folder on disk or a git repository. It
 * sits above both, so the port ({@code source}) and the git adapter ({@code source.git}) never
 * depend on each other.
 */
@ApplicationScoped
public class MigrationSources {

  private final GitMirrors mirrors;
  private final ScriptMemory memory;
  private final OutboundPolicy outbound;
  private final SourceBounds bounds;
  private final PathMigrationSource.Limits pathLimits;
  private final GitMigrationSource.Limits gitLimits;

  public MigrationSources(
      DriftwatchConfig config,
      GitMirrors mirrors,
      OutboundPolicy outbound,
      SourceBounds bounds,
      ScriptMemory memory) {
    this.memory = memory;
    this.mirrors = mirrors;
    this.outbound = outbound;
    this.bounds = bounds;
    this.pathLimits =
        new PathMigrationSource.Limits(
            config.source().maxScriptBytes(), config.source().maxTotalBytes());
    this.gitLimits =
        new GitMigrationSource.Limits(
            config.source().maxScriptBytes(),
            config.source().maxTotalBytes(),
            config.git().historyMaxCommits(),
            config.git().historyTimeout());
  }

  /** A source for one audit; the caller closes it. */
  public MigrationSource open(SourceSpec spec, GitCredentials credentials) {
    if (spec instanceof PathSourceSpec path) {
      return new PathMigrationSource(path, pathLimits, bounds, memory);
    }
    if (spec instanceof UploadedSourceSpec upload) {
      return new PathMigrationSource(
          new PathSourceSpec(upload.path(), null, null),
          pathLimits,
          bounds.onlyBelow(Path.of(upload.path())),
          memory);
    }
    if (spec instanceof GitSourceSpec git) {
      return new GitMigrationSource(git, credentials, mirrors, gitLimits, this::refusal, memory);
    }
    throw new IllegalArgumentException("no adapter for source type " + spec.type());
  }

  /**
   * Why a repository may not be read: a file URL outside the source roots, or a host the outbound
   * policy refuses.
   */
  private String refusal(String url) {
    String local = bounds.repositoryRefusal(url);
    if (local != null) {
      return local;
    }
    String host = RepositoryPaths.host(url);
    return host == null ? null : outbound.refusal(host);
  }
}
