package io.driftwatch.core.effect;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.history.MigrationRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The migrations the next deploy runs, read once per audit: each one's effects, in deploy order, and the failure
 * {@link Preflight} predicts for it on the live catalog. The MS018 rule and the resolution plan both start from it.
 *
 * @param effects by migration, in deploy order; a migration without a script has none
 * @param predicted the predicted failure of each migration that will fail, by name
 */
public record PendingPreflight(Map<String, List<Effect>> effects, Map<String, PredictedFailure> predicted) {

  public static final PendingPreflight NONE = new PendingPreflight(Map.of(), Map.of());

  public PendingPreflight {
    effects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(effects));
    predicted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(predicted));
  }

  /**
   * @param live the live catalog; without it nothing is predicted
   * @param schema the migration schema, for unqualified names
   */
  public static PendingPreflight of(MigrationHistory history, Optional<Catalog> live, String schema) {
    StatementEffects reader = new StatementEffects(schema);
    Map<String, List<Effect>> effects = new LinkedHashMap<>();
    for (MigrationRecord record : history.records()) {
      if (history.stateOf(record).deployWillApply()) {
        effects.put(record.name(), record.script()
            .map(script -> reader.ofScript(script.sql())).orElse(List.of()));
      }
    }
    if (effects.isEmpty()) {
      return NONE;
    }
    Map<String, PredictedFailure> predicted = live.map(catalog -> Preflight.predict(effects, ObjectSet.of(catalog)))
        .orElse(Map.of());
    return new PendingPreflight(effects, predicted);
  }
}
