package io.driftwatch.core.rules;

import io.driftwatch.core.finding.FindingType;
import java.util.List;
import java.util.stream.Stream;

/**
 * The registry: adding a rule means its file, its test, and one line here (a drift kind's rule is a
 * row of {@link DriftRule}). A test fails when a rule class is not listed or a code is claimed
 * twice.
 */
public final class Rules {

  private static final List<HistoryRule> HISTORY =
      List.of(
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
          new ShadowExtensionUnavailableRule(),
          new ManagedByPrisma8Rule(),
          new HistoryHandOverRule(),
          new ContractMarkerNotInHistoryRule(),
          new Prisma8MigrationsRule(),
          new PrismaConfigNotStaticRule());

  private static final List<SchemaRule> SCHEMA =
      Stream.concat(
              DriftRule.all().stream(),
              Stream.of(
                  new UnreadableCatalogObjectRule(),
                  new MigrationReplayFailedRule(),
                  new ShadowServerMismatchRule(),
                  new DriftNotCheckedRule(),
                  new ModelWithoutMigrationRule(),
                  new FieldWithoutMigrationRule(),
                  new PrismaSchemaInvalidRule(),
                  new PrismaSchemaNotFoundRule(),
                  new PrismaSchemaEmptyRule()))
          .toList();

  private static final List<LintRule> LINT =
      List.of(
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
          new NonAtomicMigrationRule(),
          new TableCopyRule(),
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

  /**
   * The finding type of every registered rule, and those the engine reports itself when a check
   * cannot judge.
   */
  public static List<FindingType> types() {
    return Stream.of(
            HISTORY.stream().map(HistoryRule::type),
            SCHEMA.stream().map(SchemaRule::type),
            LINT.stream().map(LintRule::type),
            Stream.of(RuleFailure.TYPE, OversizedMigration.TYPE))
        .flatMap(types -> types)
        .toList();
  }
}
