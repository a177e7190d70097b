package io.driftwatch.source;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.source.git.GitCredentials;
import io.driftwatch.source.git.GitMigrationSource;
import io.driftwatch.source.git.GitMirrors;
import io.driftwatch.source.git.GitSourceSpec;
import io.driftwatch.target.OutboundPolicy;
import jakarta.enterprise.context.ApplicationScoped;

/** Opens the adapter that reads a given kind of source. */
@ApplicationScoped
public class MigrationSources {

  private final GitMirrors mirrors;
  private final OutboundPolicy outbound;
  private final PathMigrationSource.Limits pathLimits;
  private final GitMigrationSource.Limits gitLimits;

  public MigrationSources(DriftwatchConfig config, GitMirrors mirrors, OutboundPolicy outbound) {
    this.mirrors = mirrors;
    this.outbound = outbound;
    this.pathLimits = new PathMigrationSource.Limits(config.source().maxScriptBytes(), config.source().maxTotalBytes());
    this.gitLimits = new GitMigrationSource.Limits(config.source().maxScriptBytes(), config.source().maxTotalBytes(),
        config.git().historyMaxCommits(), config.git().historyTimeout());
  }

  /** A source for one audit; the caller closes it. */
  public MigrationSource open(SourceSpec spec, GitCredentials credentials) {
    if (spec instanceof PathSourceSpec path) {
      return new PathMigrationSource(path, pathLimits);
    }
    if (spec instanceof GitSourceSpec git) {
      return new GitMigrationSource(git, credentials, mirrors, gitLimits, outbound::refusal);
    }
    throw new IllegalArgumentException("no adapter for source type " + spec.type());
  }
}
