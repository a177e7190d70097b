package io.driftwatch.core.rules;

import java.util.List;

/**
 * The registry: adding a rule means its file, its test, and one line here. A test fails when a rule
 * class is not listed or a code is claimed twice.
 */
public final class Rules {

  private static final List<HistoryRule> HISTORY = List.of(
      new PendingMigrationRule(),
      new PhantomMigrationRule(),
      new HistoriesDivergedRule(),
      new FailedMigrationRule(),
      new EditedMigrationRule(),
      new RolledBackMigrationRule(),
      new OutOfOrderMigrationRule(),
      new NotManagedRule(),
      new DeployInProgressRule(),
      new MarkedAppliedWithoutRunningRule(),
      new MisleadingPrismaEditRule(),
      new MissingMigrationScriptRule(),
      new ProviderMismatchRule(),
      new AmbiguousOrderRule(),
      new InvalidScriptEncodingRule(),
      new UnreadableScriptRule());

  private Rules() {}

  public static List<HistoryRule> history() {
    return HISTORY;
  }
}
