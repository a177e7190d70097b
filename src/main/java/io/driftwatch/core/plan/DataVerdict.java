package io.driftwatch.core.plan;

import java.util.List;

/**
 * Whether starting over is an option: a clean baseline is recommended only when the database is
 * known to hold no row and the history is badly broken; whenever data exists, nothing destructive
 * is.
 *
 * @param holdsData whether the database holds rows
 * @param tablesWithRows some of the tables that hold rows
 * @param reason why a clean baseline is, or is not, recommended
 * @param historyBadlyBroken two problems or more that no simple step settles (a failed migration
 *     applied in part or unverifiable, a phantom whose script is lost, edited migrations, schema
 *     drift): a clean baseline would be recommended if the database were known to be empty
 * @param baselineSteps the clean baseline's steps, when recommended
 */
public record DataVerdict(
    HoldsData holdsData,
    List<String> tablesWithRows,
    boolean historyBadlyBroken,
    boolean cleanBaselineRecommended,
    String reason,
    List<PlanStep> baselineSteps) {

  /**
   * Whether the database holds rows. The constants are the words the API and the stored reports
   * carry ({@code "unknown"}), lower case for that reason.
   */
  public enum HoldsData {
    yes,
    /** Checked exactly: not one row. */
    no,
    /** Estimates say nothing is there, which an exact check has not confirmed. */
    unknown
  }

  public DataVerdict {
    tablesWithRows = List.copyOf(tablesWithRows);
    baselineSteps = List.copyOf(baselineSteps);
  }
}
