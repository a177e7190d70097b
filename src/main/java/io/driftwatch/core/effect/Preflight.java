package io.driftwatch.core.effect;

import io.driftwatch.core.effect.ObjectSet.Presence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plays the pending migrations, in deploy order, over the live catalog: a statement that creates
 * what already exists, or alters, drops or references what does not, will fail with P3018. Like
 * PostgreSQL, a migration stops at its first failing statement and leaves nothing behind; the next
 * ones are played over the database without it.
 */
public final class Preflight {

  private Preflight() {}

  /**
   * The predicted failure of each migration (at most one each: its first), by name, in order. The
   * live set is copied once; each migration is played on the copy as a try that a failure takes
   * back, in time proportional to its own effects (a copy per migration made a deploy of 10,000
   * migrations take 44 s).
   */
  public static Map<String, PredictedFailure> predict(
      Map<String, List<Effect>> pendingEffects, ObjectSet live) {
    Map<String, PredictedFailure> failures = new LinkedHashMap<>();
    ObjectSet database = live.copy();
    pendingEffects.forEach(
        (migration, effects) -> {
          database.begin();
          Optional<PredictedFailure> failure = firstFailure(migration, effects, database);
          if (failure.isPresent()) {
            database.rollback();
            failures.put(migration, failure.get());
          } else {
            database.commit();
          }
        });
    return failures;
  }

  /**
   * The first statement of one migration that fails against {@code database}, which it plays as it
   * goes.
   */
  public static Optional<PredictedFailure> firstFailure(
      String migration, List<Effect> effects, ObjectSet database) {
    for (Effect written : effects) {
      Effect effect = database.named(written);
      Optional<Problem> problem = problem(effect, database);
      if (problem.isPresent()) {
        return Optional.of(
            new PredictedFailure(
                migration,
                effect.statement().line(),
                effect.statement().firstLine(100),
                problem.get().object(),
                problem.get().reason()));
      }
      database.apply(effect);
    }
    return Optional.empty();
  }

  /** Why an effect cannot happen: the object in the way, or missing, and which. */
  private record Problem(String object, String reason) {

    static Problem missing(String object) {
      return new Problem(object, "does not exist");
    }

    static Problem inTheWay(String object) {
      return new Problem(object, "already exists");
    }
  }

  /** The problem when the effect cannot happen on this database. */
  private static Optional<Problem> problem(Effect effect, ObjectSet database) {
    // a guard makes a statement harmless to run twice, not to run on a table that is not there
    if (!effect.guarded() || effect.action().writesRows()) {
      for (SchemaObject needed : effect.requires()) {
        if (database.presence(needed) == Presence.ABSENT) {
          return Optional.of(Problem.missing(needed.describe()));
        }
      }
    }
    return switch (effect.action()) {
      case CREATE ->
          effect.guarded() ? Optional.empty() : database.conflict(effect).map(Problem::inTheWay);
      case DROP ->
          !effect.guarded() && database.presence(effect.object()) == Presence.ABSENT
              ? Optional.of(Problem.missing(effect.object().describe()))
              : Optional.empty();
      case RENAME -> database.conflict(effect.object()).map(Problem::inTheWay);
      default -> Optional.empty();
    };
  }
}
