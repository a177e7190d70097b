package io.driftwatch.audit.report;

import io.driftwatch.core.evidence.Revision;

/**
 * What was read from the source.
 *
 * @param location where the migrations were read (a folder, or a repository, ref and path)
 * @param migrations number of migration directories; null when the source could not be read
 * @param lockProvider the provider in migration_lock.toml, null without one
 * @param commit for a git source, the commit the folder was read at
 * @param lastFetchedCommit for a git source that could not be read now, what the last successful
 *     fetch brought
 * @param historyExplained for a git source, whether the history walk behind the findings' evidence
 *     was complete
 * @param layout how the Prisma project was laid out (config, where each path came from, the Prisma
 *     version assumed); null when the source could not be read
 */
public record SourceInfo(
    String type,
    String location,
    Integer migrations,
    String lockProvider,
    Revision commit,
    Revision lastFetchedCommit,
    Boolean historyExplained,
    LayoutReport layout) {

  /** What is known of a source that was not read. */
  public SourceInfo(
      String type,
      String location,
      Integer migrations,
      String lockProvider,
      Revision commit,
      Revision lastFetchedCommit,
      Boolean historyExplained) {
    this(
        type,
        location,
        migrations,
        lockProvider,
        commit,
        lastFetchedCommit,
        historyExplained,
        null);
  }
}
