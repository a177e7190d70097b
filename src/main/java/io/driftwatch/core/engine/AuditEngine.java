package io.driftwatch.core.engine;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.AuditInput;
import io.driftwatch.core.AuditResult;
import io.driftwatch.core.Outcome;
import io.driftwatch.core.SchemaContext;
import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.TargetSnapshot;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.effect.EffectReader;
import io.driftwatch.core.effect.PendingPreflight;
import io.driftwatch.core.effect.ScriptReading;
import io.driftwatch.core.effect.StatementEffects;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.HistoryOwnership;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.history.MigrationState;
import io.driftwatch.core.plan.DataPresence;
import io.driftwatch.core.plan.PlanInput;
import io.driftwatch.core.plan.Prisma8Plan;
import io.driftwatch.core.plan.ResolutionPlan;
import io.driftwatch.core.plan.ResolutionPlanner;
import io.driftwatch.core.prisma.PrismaDiagnosis;
import io.driftwatch.core.prisma.PrismaStatus;
import io.driftwatch.core.rules.HistoryRule;
import io.driftwatch.core.rules.LintRule;
import io.driftwatch.core.rules.OversizedMigration;
import io.driftwatch.core.rules.ProviderMismatchRule;
import io.driftwatch.core.rules.RuleFailure;
import io.driftwatch.core.rules.Rules;
import io.driftwatch.core.rules.SchemaRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Joins an {@link AuditInput}, runs every registered rule over it, and orders the findings. Each
 * rule runs on its own (each lint rule on each migration too): one that fails on its input is a
 * {@link RuleFailure} finding, never a failed audit.
 *
 * <p>One engine judges one audit at a time. Judging is where an audit's memory peaks: a pending
 * script is decoded, split, masked and read as effects, a few times the size of the largest script
 * on top of what the audit holds. Judged one at a time, that peak is paid once, whatever the number
 * of audits in flight (they hold their scripts within the source's budget meanwhile); judging is
 * CPU-bound and takes milliseconds to seconds, so audits queue briefly.
 */
public final class AuditEngine {

  /** How a pre-flight that failed on a migration is named in its finding. */
  private static final String PREFLIGHT =
      "the pre-flight (MS018, and the plan's safety, rollback and verification)";

  private final List<HistoryRule> rules;
  private final List<SchemaRule> schemaRules;
  private final MigrationLinter linter;
  private final ResolutionPlanner planner = new ResolutionPlanner();

  public AuditEngine() {
    this(Rules.history(), Rules.schema(), Rules.lint());
  }

  public AuditEngine(
      List<HistoryRule> rules, List<SchemaRule> schemaRules, List<LintRule> lintRules) {
    this.rules = List.copyOf(rules);
    this.schemaRules = List.copyOf(schemaRules);
    this.linter = new MigrationLinter(lintRules);
  }

  /**
   * Joins both sides only: what an adapter needs to know which migrations to gather evidence for.
   */
  public MigrationHistory join(AuditInput input) {
    TargetSnapshot target = input.target();
    return MigrationHistory.join(
        input.source().migrations(),
        target.rows(),
        target.historyTableExists(),
        target.schemaHasTables(),
        target.deployLockHeld());
  }

  /**
   * Judges an input already joined with {@link #join}: the findings and the plan, with data
   * presence from the row estimates.
   */
  public Judgement judge(AuditInput input, MigrationHistory history) {
    AuditResult result = audit(input, history);
    return new Judgement(
        result, plan(input, result, DataPresence.estimated(input.target().rowEstimates())));
  }

  /** Prisma Migrate's plan, or, on a database Prisma 8 owns, the hand-over to its checks. */
  private ResolutionPlan plan(AuditInput input, AuditResult result, DataPresence data) {
    PlanInput in = PlanInputs.of(input, result, data);
    return result.ownership().migrateHistoryInert()
        ? Prisma8Plan.of(in.schema(), result.ownership())
        : planner.plan(in);
  }

  /** The second pass: the same findings, planned again from an exact check of every table. */
  public Judgement withExactData(
      AuditInput input, Judgement estimated, Set<String> tablesWithRows) {
    return new Judgement(
        estimated.result(), plan(input, estimated.result(), DataPresence.checked(tablesWithRows)));
  }

  public AuditResult audit(AuditInput input) {
    return audit(input, join(input));
  }

  /**
   * Judges an input already joined with {@link #join} (evidence does not change the join), so an
   * adapter that joined first to gather evidence does not pay for the join twice.
   */
  public synchronized AuditResult audit(AuditInput input, MigrationHistory history) {
    SourceSnapshot source = input.source();
    TargetSnapshot target = input.target();
    PrismaDiagnosis diagnosis = PrismaDiagnosis.of(history, target.historyTableExists());
    PrismaStatus status =
        PrismaStatus.of(
            diagnosis,
            source.migrations().size(),
            ProviderMismatchRule.mismatch(source, target),
            target.provider(),
            target.datasource(),
            source.paths());

    // On a database Prisma 8 owns, _prisma_migrations is inert: nothing is pending against it.
    HistoryOwnership ownership = target.ownership();
    boolean inert = ownership.migrateHistoryInert();
    List<Finding> lint = new ArrayList<>();
    PendingPreflight pending =
        inert ? PendingPreflight.NONE : readPending(history, source, target, lint);
    AuditContext context =
        new AuditContext(
            history, source, target, diagnosis, input.evidence(), input.schema(), pending);
    List<Finding> findings = new ArrayList<>();
    pending
        .failures()
        .forEach(
            (migration, failure) ->
                findings.add(
                    RuleFailure.of(
                        PREFLIGHT,
                        "statements that create what exists or need what is missing, data at risk, rollback",
                        migration,
                        failure)));
    if (!pending.unread().isEmpty()) {
      findings.add(
          OversizedMigration.notPreflighted(
              pending.unread().get(0), pending.unread().size() - 1, StatementEffects.MAX_EFFECTS));
    }
    for (HistoryRule rule : rules) {
      if (inert && rule.readsMigrateHistory()) {
        continue;
      }
      check(rule.type(), () -> rule.check(context), findings);
    }
    findings.addAll(lint);
    Optional<SchemaContext> schema = schemaContext(input, source, target, findings);
    schema.ifPresent(
        schemaContext ->
            schemaRules.forEach(
                rule -> check(rule.type(), () -> rule.check(schemaContext), findings)));
    findings.sort(order(history));
    Outcome outcome =
        findings.stream().anyMatch(f -> f.severity().atLeast(Severity.WARNING))
            ? Outcome.DRIFT
            : Outcome.CLEAN;
    return new AuditResult(
        history, diagnosis, status, List.copyOf(findings), outcome, schema, pending, ownership);
  }

  /**
   * Runs one check of the whole environment on its own: one that fails is a {@link RuleFailure}
   * finding, and the others' findings stand (see there for what is caught).
   */
  private static void check(
      FindingType type, Supplier<List<Finding>> rule, List<Finding> findings) {
    try {
      findings.addAll(rule.get());
    } catch (RuntimeException | StackOverflowError failure) {
      findings.add(RuleFailure.of(type, null, failure));
    }
  }

  /**
   * What the schema rules see; when it cannot be made, none of them runs, and a finding says so.
   */
  private static Optional<SchemaContext> schemaContext(
      AuditInput input, SourceSnapshot source, TargetSnapshot target, List<Finding> findings) {
    try {
      return input.schema().map(in -> SchemaChecks.context(in, source, target));
    } catch (RuntimeException | StackOverflowError failure) {
      findings.add(
          RuleFailure.of(
              "the schema checks (reading schema.prisma, comparing the schemas: every SD and CV "
                  + "rule)",
              "schema drift and schema.prisma's coverage",
              null,
              failure));
      return Optional.empty();
    }
  }

  /**
   * Reads every migration the next deploy will run, and every failed one (the plan's usual
   * resolution runs it again), once: each script is split once and shared by the safety lint
   * (weighed by the live row estimates, its findings added to {@code lint}) and, for the deploy
   * queue, the pre-flight on the live catalog. One script is held at a time.
   */
  private PendingPreflight readPending(
      MigrationHistory history, SourceSnapshot source, TargetSnapshot target, List<Finding> lint) {
    TableRows estimates = target.rowEstimates();
    String schema = target.datasource().schema();
    SqlDialect dialect = Dialects.of(target);
    EffectReader grammar = dialect.effects(schema);
    Set<String> queued = new HashSet<>();
    history.deployQueue().forEach(record -> queued.add(record.name()));
    PendingPreflight.Reader preflight = new PendingPreflight.Reader(StatementEffects.MAX_EFFECTS);
    for (MigrationRecord record : history.afterResolution()) {
      String name = record.name();
      boolean inQueue = queued.contains(name);
      if (record.script().isEmpty()) {
        if (inQueue) {
          preflight.withoutScript(name);
        }
        continue;
      }
      ScriptReading reading;
      try {
        reading = ScriptReading.of(record.script().get().sql(), dialect.lexicon(), grammar);
      } catch (RuntimeException | StackOverflowError failure) {
        if (inQueue) {
          preflight.unreadable(name, failure);
        }
        lint.addAll(MigrationLinter.unsplit(name, failure));
        continue;
      }
      if (inQueue) {
        preflight.add(name, reading);
      } else if (history.stateOf(record) == MigrationState.FAILED) {
        preflight.addFailed(name, reading);
      }
      lint.addAll(linter.lint(name, reading, estimates, source.paths(), dialect));
    }
    return preflight.predict(target.catalog());
  }

  /** Most severe first, then by code, then in migration order, then by message: deterministic. */
  private static Comparator<Finding> order(MigrationHistory history) {
    Map<String, Integer> position = new HashMap<>(history.records().size() * 2);
    for (MigrationRecord record : history.records()) {
      position.put(record.name(), record.position());
    }
    return Comparator.comparing(Finding::severity, Comparator.reverseOrder())
        .thenComparing(Finding::code)
        .thenComparingInt(
            f ->
                f.migration() == null
                    ? -1
                    : position.getOrDefault(f.migration(), Integer.MAX_VALUE))
        .thenComparing(f -> f.migration() == null ? "" : f.migration())
        .thenComparing(f -> f.subject() == null ? "" : f.subject())
        .thenComparing(Finding::message);
  }
}
