package io.driftwatch.core.evidence;

import java.util.List;
import java.util.Optional;

/**
 * What version control says about one finding's migration.
 *
 * @param commits the commits that show it, newest first (with line counts for CHANGED_AFTER_APPLY)
 * @param branches the branches that have it, for ONLY_ON_BRANCH
 * @param relatedMigration the other name, for RENAMED and PROBABLE_RENAME
 * @param location the migration directory's path in the repository, when known
 * @param script the migration's {@code migration.sql} as version control last had it (UTF-8), for
 *     DELETED, RENAMED and ONLY_ON_BRANCH; empty when unknown, too large to read, or never
 *     committed
 */
public record Evidence(
    Kind kind,
    List<CommitChange> commits,
    List<String> branches,
    String relatedMigration,
    String location,
    Optional<String> script) {

  public Evidence {
    commits = List.copyOf(commits);
    branches = List.copyOf(branches);
    script = script == null ? Optional.empty() : script;
  }

  /** Evidence without a script. */
  public Evidence(
      Kind kind,
      List<CommitChange> commits,
      List<String> branches,
      String relatedMigration,
      String location) {
    this(kind, commits, branches, relatedMigration, location, Optional.empty());
  }

  /** The same evidence with this script (null: none). */
  public Evidence withScript(String script) {
    return new Evidence(
        kind, commits, branches, relatedMigration, location, Optional.ofNullable(script));
  }

  public enum Kind {
    /** Its directory was in the history of the audited ref and a commit deleted it. */
    DELETED,
    /** A commit moved its directory to another name. */
    RENAMED,
    /** Another folder migration has the same name after the timestamp. */
    PROBABLE_RENAME,
    /** Not in the audited ref's history, but on these other branches. */
    ONLY_ON_BRANCH,
    /** In no branch of the repository: it was run by hand. */
    NEVER_COMMITTED,
    /** Commits that changed the script after the database applied it. */
    CHANGED_AFTER_APPLY,
    /** The commit that added the migration. */
    ADDED
  }

  /**
   * A commit, with the lines it added and removed in the migration's script (zero when not
   * counted).
   */
  public record CommitChange(Revision commit, int linesAdded, int linesRemoved) {

    public static CommitChange of(Revision commit) {
      return new CommitChange(commit, 0, 0);
    }
  }

  public static Evidence of(Kind kind, Revision commit, String location) {
    return new Evidence(kind, List.of(CommitChange.of(commit)), List.of(), null, location);
  }

  /** The newest commit of the evidence. */
  public Revision commit() {
    return commits.get(0).commit();
  }
}
