package io.driftwatch.core.plan;

import java.util.List;

/**
 * What a phantom migration (applied, not in the folder) is.
 *
 * @param evidence how git explains it ({@code DELETED}, {@code ONLY_ON_BRANCH}, ...; {@code NONE}
 *     without git)
 * @param commit the commit to restore it from, or empty
 * @param location its directory in the repository
 * @param notInOtherMigrations effects of its script that no folder migration produces
 * @param candidates when its script is unknown: live objects that no migration explains
 */
public record PhantomTriage(
    String migration,
    Verdict verdict,
    String evidence,
    String commit,
    String location,
    List<String> notInOtherMigrations,
    List<String> candidates) {

  public enum Verdict {
    /** Everything its script does, the folder migrations already do: safe to ignore. */
    REDUNDANT,
    /** Its script does something no folder migration does: restore the file. */
    RESTORE,
    /** Git does not have its script. */
    SCRIPT_UNKNOWN
  }

  public PhantomTriage {
    notInOtherMigrations = List.copyOf(notInOtherMigrations);
    candidates = List.copyOf(candidates);
  }
}
