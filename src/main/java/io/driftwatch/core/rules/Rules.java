package io.driftwatch.core.rules;

import io.driftwatch.core.finding.FindingType;
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
      new UnreadableScriptRule(),
      new PendingMigrationWillFailRule(),
      new PendingMigrationFailsOnShadowRule(),
      new FailedMigrationFailsAgainRule(),
      new ReplayRefusedRule(),
      new ShadowExtensionUnavailableRule());

  private static final List<SchemaRule> SCHEMA = List.of(
      new UntrackedTableRule(),
      new UntrackedColumnRule(),
      new UntrackedEnumValueRule(),
      new UntrackedIndexRule(),
      new UntrackedConstraintRule(),
      new MissingTableRule(),
      new MissingColumnRule(),
      new MissingEnumValueRule(),
      new MissingIndexRule(),
      new MissingConstraintRule(),
      new ChangedColumnRule(),
      new UntrackedEnumRule(),
      new UntrackedViewRule(),
      new MissingEnumRule(),
      new MissingViewRule(),
      new ChangedEnumRule(),
      new ChangedIndexRule(),
      new ChangedConstraintRule(),
      new ChangedViewRule(),
      new UntrackedTriggerRule(),
      new MissingTriggerRule(),
      new ChangedTriggerRule(),
      new UntrackedFunctionRule(),
      new MissingFunctionRule(),
      new ChangedFunctionRule(),
      new UntrackedExtensionRule(),
      new MissingExtensionRule(),
      new ChangedExtensionRule(),
      new UntrackedSequenceRule(),
      new MissingSequenceRule(),
      new ChangedSequenceRule(),
      new UnreadableCatalogObjectRule(),
      new MigrationReplayFailedRule(),
      new ShadowServerMismatchRule(),
      new DriftNotCheckedRule(),
      new ModelWithoutMigrationRule(),
      new FieldWithoutMigrationRule(),
      new PrismaSchemaInvalidRule(),
      new PrismaSchemaNotFoundRule(),
      new PrismaSchemaEmptyRule());

  private static final List<LintRule> LINT = List.of(
      new DropTableRule(),
      new DropColumnRule(),
      new ColumnTypeChangeRule(),
      new SetNotNullRule(),
      new AddRequiredColumnRule(),
      new BlockingIndexBuildRule(),
      new ConcurrentlyInTransactionRule(),
      new ConstraintWithoutNotValidRule(),
      new TruncateRule(),
      new UnboundedWriteRule(),
      new RenameRule(),
      new DropTypeRule(),
      new ExplicitTransactionRule(),
      new MissingLockTimeoutRule(),
      new InsertWithoutOnConflictRule(),
      new VolatileDefaultRule(),
      new UnparsedScriptRule());

  private Rules() {}

  public static List<HistoryRule> history() {
    return HISTORY;
  }

  public static List<SchemaRule> schema() {
    return SCHEMA;
  }

  /** The safety checks of a pending migration's SQL. */
  public static List<LintRule> lint() {
    return LINT;
  }

  /** The finding type of every registered rule, and those the engine reports itself when a check cannot judge. */
  public static List<FindingType> types() {
    return java.util.stream.Stream.of(
            HISTORY.stream().map(HistoryRule::type),
            SCHEMA.stream().map(SchemaRule::type),
            LINT.stream().map(LintRule::type),
            java.util.stream.Stream.of(RuleFailure.TYPE, OversizedMigration.TYPE))
        .flatMap(types -> types)
        .toList();
  }
}
