package io.driftwatch.core.effect;

import io.driftwatch.core.effect.ObjectSet.Presence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plays the pending migrations, in deploy order, over the live catalog: a statement that creates what already
 * exists, or alters, drops or references what does not, will fail with P3018. Like PostgreSQL, a migration stops at
 * its first failing statement and leaves nothing behind; the next ones are played over the database without it.
 */
public final class Preflight {

  private Preflight() {}

  /** The predicted failure of each migration (at most one each: its first), by name, in order. */
  public static Map<String, PredictedFailure> predict(Map<String, List<Effect>> pendingEffects, ObjectSet live) {
    Map<String, PredictedFailure> failures = new LinkedHashMap<>();
    ObjectSet database = live.copy();
    pendingEffects.forEach((migration, effects) -> {
      ObjectSet during = database.copy();
      Optional<PredictedFailure> failure = firstFailure(migration, effects, during);
      if (failure.isPresent()) {
        failures.put(migration, failure.get());
      } else {
        effects.forEach(database::apply);
      }
    });
    return failures;
  }

  /** The first statement of one migration that fails against {@code database}, which it plays as it goes. */
  public static Optional<PredictedFailure> firstFailure(String migration, List<Effect> effects, ObjectSet database) {
    for (Effect effect : effects) {
      Optional<Problem> problem = problem(effect, database);
      if (problem.isPresent()) {
        return Optional.of(new PredictedFailure(migration, effect.statement().line(),
            effect.statement().firstLine(100), problem.get().object(), problem.get().reason()));
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
    if (!effect.guarded()) {
      for (SchemaObject needed : effect.requires()) {
        if (database.presence(needed) == Presence.ABSENT) {
          return Optional.of(Problem.missing(needed.describe()));
        }
      }
    }
    return switch (effect.action()) {
      case CREATE -> effect.guarded() ? Optional.empty()
          : database.conflict(effect.object(), effect.detail()).map(Problem::inTheWay);
      case DROP -> !effect.guarded() && database.presence(effect.object()) == Presence.ABSENT
          ? Optional.of(Problem.missing(effect.object().describe())) : Optional.empty();
      case RENAME -> database.conflict(effect.object(), "").map(Problem::inTheWay);
      default -> Optional.empty();
    };
  }
}
