package io.driftwatch.core.plan;

import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.ObjectSet;
import io.driftwatch.core.effect.ObjectSet.Presence;
import io.driftwatch.core.evidence.Evidence;
import io.driftwatch.core.plan.PhantomTriage.Verdict;
import io.driftwatch.core.prisma.ProjectPaths;
import java.util.List;
import java.util.Optional;

/**
 * Decides what a phantom migration is. With its script from git: redundant when everything it does
 * is already done by the folder's migrations (the schema their replay builds holds it), else to
 * restore from the commit git names. Without it: the live objects no migration explains are the
 * candidates for what it did.
 */
public final class PhantomTriager {

  private PhantomTriager() {}

  /**
   * @param expected what the folder's applied migrations build (their shadow replay); empty when
   *     unknown
   * @param untracked the live objects no migration explains (the drift's untracked objects)
   * @param paths where the source keeps its migrations: the folder to restore, when git does not
   *     name it
   * @param dialect how the script is read
   */
  public static PhantomTriage triage(
      String migration,
      Optional<Evidence> evidence,
      Optional<String> script,
      String schema,
      Optional<ObjectSet> expected,
      List<String> untracked,
      ProjectPaths paths,
      SqlDialect dialect) {
    String kind = evidence.map(e -> e.kind().name()).orElse("NONE");
    String location = evidence.map(Evidence::location).orElse(paths.directory(migration));
    String commit =
        evidence.filter(e -> !e.commits().isEmpty()).map(e -> e.commit().sha()).orElse("");
    if (script.isEmpty()) {
      return new PhantomTriage(
          migration, Verdict.SCRIPT_UNKNOWN, kind, commit, location, List.of(), untracked);
    }
    List<Effect> effects = ScriptEffects.of(script.get(), schema, dialect);
    if (expected.isEmpty()) {
      return new PhantomTriage(
          migration,
          Verdict.RESTORE,
          kind,
          commit,
          location,
          List.of("the schema the folder's migrations build is unknown (no shadow replay)"),
          List.of());
    }
    List<String> notInOthers =
        effects.stream()
            .filter(effect -> expected.get().achieved(effect) != Presence.PRESENT)
            .map(Effect::describe)
            .distinct()
            .toList();
    return new PhantomTriage(
        migration,
        notInOthers.isEmpty() ? Verdict.REDUNDANT : Verdict.RESTORE,
        kind,
        commit,
        location,
        notInOthers,
        List.of());
  }
}
