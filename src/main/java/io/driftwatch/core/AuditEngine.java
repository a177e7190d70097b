package io.driftwatch.core;

import io.driftwatch.core.effect.PendingPreflight;
import io.driftwatch.core.history.MigrationState;
import io.driftwatch.core.rules.LintRule;
import io.driftwatch.core.lint.MigrationLinter;
import io.driftwatch.core.lint.MigrationLint;
import io.driftwatch.core.rules.SchemaRule;
import java.util.Optional;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.prisma.PrismaDiagnosis;
import io.driftwatch.core.prisma.PrismaStatus;
import io.driftwatch.core.rules.HistoryRule;
import io.driftwatch.core.rules.ProviderMismatchRule;
import io.driftwatch.core.rules.Rules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Joins an {@link AuditInput}, runs every registered rule over it, and orders the findings. */
public final class AuditEngine {

  private final List<HistoryRule> rules;
  private final List<SchemaRule> schemaRules;
  private final MigrationLinter linter;

  public AuditEngine() {
    this(Rules.history(), Rules.schema(), Rules.lint());
  }

  public AuditEngine(List<HistoryRule> rules) {
    this(rules, List.of(), List.of());
  }

  public AuditEngine(List<HistoryRule> rules, List<SchemaRule> schemaRules, List<LintRule> lintRules) {
    this.rules = List.copyOf(rules);
    this.schemaRules = List.copyOf(schemaRules);
    this.linter = new MigrationLinter(lintRules);
  }

  /** Joins both sides only: what an adapter needs to know which migrations to gather evidence for. */
  public MigrationHistory join(AuditInput input) {
    TargetSnapshot target = input.target();
    return MigrationHistory.join(
        input.source().migrations(),
        target.rows(),
        target.historyTableExists(),
        target.schemaHasTables(),
        target.deployLockHeld());
  }

  public AuditResult audit(AuditInput input) {
    return audit(input, join(input));
  }

  /**
   * Judges an input already joined with {@link #join} (evidence does not change the join), so an
   * adapter that joined first to gather evidence does not pay for the join twice.
   */
  public AuditResult audit(AuditInput input, MigrationHistory history) {
    SourceSnapshot source = input.source();
    TargetSnapshot target = input.target();
    PrismaDiagnosis diagnosis = PrismaDiagnosis.of(history, target.historyTableExists());
    PrismaStatus status =
        PrismaStatus.of(
            diagnosis,
            source.migrations().size(),
            ProviderMismatchRule.mismatch(source, target),
            target.provider(),
            target.datasource());

    PendingPreflight pending = PendingPreflight.of(history, target.catalog(), target.datasource().schema());
    AuditContext context =
        new AuditContext(history, source, target, diagnosis, input.evidence(), input.schema(), pending);
    List<Finding> findings = new ArrayList<>();
    for (HistoryRule rule : rules) {
      findings.addAll(rule.check(context));
    }
    findings.addAll(lintPending(history, target));
    Optional<SchemaContext> schema = input.schema().map(in -> SchemaChecks.context(in, source, target));
    schema.ifPresent(schemaContext -> schemaRules.forEach(rule -> findings.addAll(rule.check(schemaContext))));
    findings.sort(order(history));
    Outcome outcome =
        findings.stream().anyMatch(f -> f.severity().atLeast(Severity.WARNING)) ? Outcome.DRIFT : Outcome.CLEAN;
    return new AuditResult(history, diagnosis, status, List.copyOf(findings), outcome, schema, pending);
  }

  /** The safety lint of every migration the next deploy will run, weighed by the live row estimates. */
  private List<Finding> lintPending(MigrationHistory history, TargetSnapshot target) {
    List<Finding> found = new ArrayList<>();
    for (MigrationRecord record : history.inState(MigrationState.PENDING)) {
      record.script().ifPresent(script -> found.addAll(
          linter.lint(new MigrationLint(record.name(), script.sql(), target.rowEstimates()))));
    }
    return found;
  }

  /** Most severe first, then by code, then in migration order, then by message: deterministic. */
  private static Comparator<Finding> order(MigrationHistory history) {
    Map<String, Integer> position = new HashMap<>(history.records().size() * 2);
    for (MigrationRecord record : history.records()) {
      position.put(record.name(), record.position());
    }
    return Comparator.comparing(Finding::severity, Comparator.reverseOrder())
        .thenComparing(Finding::code)
        .thenComparingInt(f -> f.migration() == null ? -1 : position.getOrDefault(f.migration(), Integer.MAX_VALUE))
        .thenComparing(f -> f.migration() == null ? "" : f.migration())
        .thenComparing(f -> f.subject() == null ? "" : f.subject())
        .thenComparing(Finding::message);
  }
}
