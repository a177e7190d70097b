package io.driftwatch.core.plan;

import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.ObjectSet;
import io.driftwatch.core.effect.ObjectSet.Presence;
import io.driftwatch.core.effect.SchemaObject;
import java.util.ArrayList;
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
      Optional<String> problem = problem(effect, database);
      if (problem.isPresent()) {
        String[] objectAndReason = problem.get().split("\\|", 2);
        return Optional.of(new PredictedFailure(migration, effect.statement().line(),
            ScriptEffects.quote(effect.statement()), objectAndReason[0], objectAndReason[1]));
      }
      database.apply(effect);
    }
    return Optional.empty();
  }

  /** {@code object|reason} when the effect cannot happen on this database. */
  private static Optional<String> problem(Effect effect, ObjectSet database) {
    if (!effect.guarded()) {
      for (SchemaObject needed : effect.requires()) {
        if (database.presence(needed) == Presence.ABSENT) {
          return Optional.of(needed.describe() + "|does not exist");
        }
      }
    }
    return switch (effect.action()) {
      case CREATE -> effect.guarded() ? Optional.empty()
          : database.conflict(effect.object(), effect.detail()).map(object -> object + "|already exists");
      case DROP -> !effect.guarded() && database.presence(effect.object()) == Presence.ABSENT
          ? Optional.of(effect.object().describe() + "|does not exist") : Optional.empty();
      case RENAME -> database.conflict(effect.object(), "").map(object -> object + "|already exists");
      default -> Optional.empty();
    };
  }

  /** Keeps the order of {@code names}; for callers building the map. */
  static Map<String, List<Effect>> ordered(List<String> names, Map<String, List<Effect>> effects) {
    Map<String, List<Effect>> ordered = new LinkedHashMap<>();
    names.forEach(name -> ordered.put(name, effects.getOrDefault(name, new ArrayList<>())));
    return ordered;
  }
}
