package io.driftwatch.core.rules;

import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import java.util.Locale;

/**
 * A pending migration too large for a safety check to read whole. Each check reads a bounded part
 * of what the next deploy runs (the lint, the first statements of a script; the pre-flight, the
 * first schema changes of the deploy), so that no script within the size limits can take the heap
 * of the service; what is past the bound is not checked, and this finding says so instead of
 * passing over it in silence.
 */
public final class OversizedMigration {

  public static final FindingType TYPE =
      new FindingType(
          "MS020",
          "MIGRATION_TOO_LARGE_TO_CHECK",
          Severity.WARNING,
          "A pending migration is too large for a safety check to read whole: the check read its first part only.");

  private OversizedMigration() {}

  /** The lint read the first {@code read} statements of a script of {@code count}. */
  public static Finding partlyLinted(String migration, int read, int count) {
    return TYPE.at(
        migration,
        String.format(
            Locale.ROOT,
            "`%s` holds %,d statements: the safety lint read its first %,d; the %,d after "
                + "them are not checked (locks, rewrites, data loss).",
            migration,
            count,
            read,
            count - read),
        "Split the migration: a schema change of its own, and the data load in migrations of at most "
            + String.format(Locale.ROOT, "%,d", read)
            + " statements (or run the load outside the migration history).");
  }

  /**
   * The pre-flight stopped at this migration: with it, the deploy's changes go over the bound.
   *
   * @param after the pending migrations after it, unread too
   */
  public static Finding notPreflighted(String migration, int after, int maxChanges) {
    String these =
        after == 0
            ? "`" + migration + "` is"
            : String.format(
                Locale.ROOT,
                "`%s` and the %,d pending migration%s after it are",
                migration,
                after,
                after == 1 ? "" : "s");
    return TYPE.at(
        migration,
        String.format(
            Locale.ROOT,
            "%s not pre-flighted: with it the deploy makes over %,d schema changes (or the "
                + "script alone is over the bound), more than the pre-flight plays; whether %s against the live database "
                + "(P3018), and what %s at risk, is not checked.",
            these,
            maxChanges,
            after == 0 ? "it fails" : "they fail",
            after == 0 ? "it puts" : "they put"),
        "Deploy the pending migrations in smaller batches (an audit checks each batch), or check these on a copy of "
            + "the database before deploying them.");
  }
}
