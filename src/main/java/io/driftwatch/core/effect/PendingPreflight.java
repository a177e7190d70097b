package io.driftwatch.core.effect;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The migrations the next deploy runs, read once per audit: each one's effects, in deploy order,
 * and the failure {@link Preflight} predicts for it on the live catalog. The MS018 rule and the
 * resolution plan both start from it.
 *
 * <p>The deploy is read up to {@link StatementEffects#MAX_EFFECTS} schema changes in all: the
 * migration that goes over, and every one after it (each one runs on what those before it made),
 * are left unread (no effects, nothing predicted) and listed in {@code unread}, which the engine
 * reports.
 *
 * @param effects by migration, in deploy order; a migration without a script, or unread, has none
 * @param predicted the predicted failure of each migration that will fail, by name
 * @param failures the migrations whose script the effect reader failed on (they count as having no
 *     effects), with the failure: the engine reports each as a finding instead of failing the audit
 * @param unread the migrations not read, in deploy order: from the first that would go over the
 *     bound on
 * @param failed the effects of each failed migration (the plan triages them and runs them again),
 *     from the same reading as their lint, their statements whole (the triage quotes the ones to
 *     finish); none when unreadable or too large (the triage then says unverifiable)
 */
public record PendingPreflight(
    Map<String, List<Effect>> effects,
    Map<String, PredictedFailure> predicted,
    Map<String, Throwable> failures,
    List<String> unread,
    Map<String, List<Effect>> failed) {

  public static final PendingPreflight NONE =
      new PendingPreflight(Map.of(), Map.of(), Map.of(), List.of(), Map.of());

  public PendingPreflight {
    effects = Collections.unmodifiableMap(new LinkedHashMap<>(effects));
    predicted = Collections.unmodifiableMap(new LinkedHashMap<>(predicted));
    failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    unread = List.copyOf(unread);
    failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
  }

  public PendingPreflight(
      Map<String, List<Effect>> effects, Map<String, PredictedFailure> predicted) {
    this(effects, predicted, Map.of(), List.of(), Map.of());
  }

  /**
   * @param live the live catalog; without it nothing is predicted
   * @param schema the migration schema, for unqualified names
   */
  public static PendingPreflight of(
      MigrationHistory history, Optional<Catalog> live, String schema) {
    return of(history, live, schema, StatementEffects.MAX_EFFECTS);
  }

  /**
   * As {@link #of(MigrationHistory, Optional, String)}, reading at most {@code maxEffects} changes
   * in all.
   */
  public static PendingPreflight of(
      MigrationHistory history, Optional<Catalog> live, String schema, int maxEffects) {
    Reader reader = new Reader(maxEffects);
    for (MigrationRecord record : history.deployQueue()) {
      if (record.script().isEmpty()) {
        reader.withoutScript(record.name());
        continue;
      }
      try {
        reader.add(record.name(), ScriptReading.of(record.script().get().sql(), schema));
      } catch (RuntimeException | StackOverflowError failure) {
        reader.unreadable(record.name(), failure);
      }
    }
    return reader.predict(live);
  }

  /**
   * Reads the deploy queue one migration at a time, in deploy order, within one bound of changes
   * for them all: the audit hands it each script's {@link ScriptReading} as the lint reads it, so a
   * pending script is read once.
   */
  public static final class Reader {

    private final Map<String, List<Effect>> effects = new LinkedHashMap<>();
    private final Map<String, Throwable> failures = new LinkedHashMap<>();
    private final List<String> unread = new ArrayList<>();
    private final Map<String, List<Effect>> failed = new LinkedHashMap<>();
    private int left;

    /**
     * @param maxEffects the changes read in all ({@link StatementEffects#MAX_EFFECTS})
     */
    public Reader(int maxEffects) {
      this.left = maxEffects;
    }

    /** The next migration of the deploy queue, read. */
    public void add(String migration, ScriptReading reading) {
      List<Effect> read = List.of();
      if (unread.isEmpty()) {
        try {
          read = kept(reading.all(left));
        } catch (StatementEffects.TooLarge tooLarge) {
          unread.add(migration);
        } catch (RuntimeException | StackOverflowError failure) {
          failures.put(migration, failure); // see RuleFailure for what is caught, and why
        }
        left -= read.size();
      } else {
        unread.add(migration);
      }
      effects.put(migration, read);
    }

    /** The next migration of the deploy queue, which has no script: it has no effects. */
    public void withoutScript(String migration) {
      if (!unread.isEmpty()) {
        unread.add(migration);
      }
      effects.put(migration, List.of());
    }

    /** The next migration of the deploy queue, whose script could not be split. */
    public void unreadable(String migration, Throwable failure) {
      if (unread.isEmpty()) {
        failures.put(migration, failure);
      } else {
        unread.add(migration);
      }
      effects.put(migration, List.of());
    }

    /**
     * A failed migration, outside the deploy queue: read whole, within its own bound, for its
     * triage. One that cannot be read has no effects.
     */
    public void addFailed(String migration, ScriptReading reading) {
      List<Effect> read = List.of();
      try {
        read = reading.all(StatementEffects.MAX_EFFECTS);
      } catch (RuntimeException | StackOverflowError unreadable) {
        // see RuleFailure for what is caught; the triage calls the migration unverifiable
      }
      failed.put(migration, read);
    }

    /** The pre-flight of what was read, on the live catalog when there is one. */
    public PendingPreflight predict(Optional<Catalog> live) {
      if (effects.isEmpty() && failed.isEmpty()) {
        return NONE;
      }
      Map<String, PredictedFailure> predicted =
          live.map(catalog -> Preflight.predict(effects, ObjectSet.of(catalog))).orElse(Map.of());
      return new PendingPreflight(effects, predicted, failures, unread, failed);
    }
  }

  /**
   * The effects as kept for the whole audit: their statements cut to their first {@value
   * #KEPT_STATEMENT_CHARS} characters (the pre-flight and the plan quote a statement's line and
   * start, never all of it), so the effects of a data load do not keep its text.
   */
  private static List<Effect> kept(List<Effect> effects) {
    Map<SqlStatement, SqlStatement> cut = new IdentityHashMap<>();
    List<Effect> kept = new ArrayList<>(effects.size());
    for (Effect effect : effects) {
      SqlStatement statement =
          cut.computeIfAbsent(effect.statement(), s -> s.cut(KEPT_STATEMENT_CHARS));
      kept.add(statement == effect.statement() ? effect : effect.withStatement(statement));
    }
    return kept;
  }

  /** What a kept effect keeps of its statement's text. */
  static final int KEPT_STATEMENT_CHARS = 1_000;
}
