package io.driftwatch.core.engine;

import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.effect.ScriptReading;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.lint.MigrationLint;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.rules.LintRule;
import io.driftwatch.core.rules.OversizedMigration;
import io.driftwatch.core.rules.RuleFailure;
import io.driftwatch.core.rules.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the lint rules over one pending migration: a pure function of its script and row estimates.
 * Each rule runs on its own: one that fails on the script is a {@link RuleFailure} finding naming
 * it and the migration, and the other rules' findings stand.
 *
 * <p>A rule lists at most {@link #MAX_FINDINGS_PER_RULE} findings for one migration, then one that
 * counts the rest: a script of a hundred thousand {@code DROP TABLE}s would otherwise give as many
 * findings, each longer than its statement. A message or help is cut at {@link #MAX_TEXT}
 * characters: the names a rule quotes are as long as a repository writer makes them.
 */
public final class MigrationLinter {

  public static final int MAX_FINDINGS_PER_RULE = 50;
  public static final int MAX_TEXT = 2_000;

  private final List<LintRule> rules;

  public MigrationLinter() {
    this(Rules.lint());
  }

  public MigrationLinter(List<LintRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public List<Finding> lint(MigrationLint migration) {
    LintContext context;
    try {
      context = LintContext.of(migration);
    } catch (RuntimeException | StackOverflowError failure) {
      return unsplit(migration.migration(), failure);
    }
    return lint(context);
  }

  /**
   * Lints a pending migration of an audit from the reading the audit shares with the pre-flight,
   * the estimates keyed once, the commands given for the source's folder and schema.
   */
  public List<Finding> lint(
      String migration, ScriptReading reading, TableRows rowEstimates, ProjectPaths paths) {
    return lint(new LintContext(migration, reading, rowEstimates, paths));
  }

  /** As above, for a migration written for this database: only the rules that speak of it. */
  public List<Finding> lint(
      String migration,
      ScriptReading reading,
      TableRows rowEstimates,
      ProjectPaths paths,
      SqlDialect dialect) {
    return lint(new LintContext(migration, reading, rowEstimates, paths, dialect));
  }

  /** What the lint says of a migration whose script could not be split: one rule failure. */
  public static List<Finding> unsplit(String migration, Throwable failure) {
    return List.of(
        RuleFailure.of(
            "the safety lint (splitting the script for every MS rule)",
            "locks, rewrites, data loss and transactions a deploy would meet",
            migration,
            failure));
  }

  private List<Finding> lint(LintContext context) {
    String migration = context.migration();
    List<Finding> findings = new ArrayList<>();
    if (context.statementCount() > context.statements().size()) {
      findings.add(
          OversizedMigration.partlyLinted(
              migration, context.statements().size(), context.statementCount()));
    }
    for (LintRule rule : rules) {
      if (!rule.speaks(context.dialect())) {
        continue;
      }
      try {
        findings.addAll(atMostSome(rule.check(context)));
      } catch (RuntimeException | StackOverflowError failure) {
        findings.add(RuleFailure.of(rule.type(), migration, failure));
      }
    }
    return findings;
  }

  /**
   * The first {@link #MAX_FINDINGS_PER_RULE} findings of one rule, and one that counts the others,
   * each cut short.
   */
  private static List<Finding> atMostSome(List<Finding> found) {
    List<Finding> kept = new ArrayList<>(Math.min(found.size(), MAX_FINDINGS_PER_RULE + 1));
    found.stream().limit(MAX_FINDINGS_PER_RULE).map(MigrationLinter::cutShort).forEach(kept::add);
    if (found.size() <= MAX_FINDINGS_PER_RULE) {
      return kept;
    }
    List<Finding> rest = found.subList(MAX_FINDINGS_PER_RULE, found.size());
    Finding first = rest.get(0);
    Severity worst =
        rest.stream().map(Finding::severity).max(Enum::compareTo).orElse(first.severity());
    kept.add(
        new Finding(
            first.type(),
            worst,
            first.migration(),
            String.format(
                Locale.ROOT,
                "%,d more statements of `%s` give this finding (%s): the first %d are listed, "
                    + "these are counted. The first of them: %s",
                rest.size(),
                first.migration(),
                first.code(),
                MAX_FINDINGS_PER_RULE,
                shortened(first.message())),
            "For each of them, as for this one: " + shortened(first.help()),
            null,
            "more",
            first.line()));
    return kept;
  }

  private static Finding cutShort(Finding finding) {
    if (finding.message().length() <= MAX_TEXT
        && finding.help().length() <= MAX_TEXT
        && (finding.subject() == null || finding.subject().length() <= MAX_TEXT)) {
      return finding;
    }
    return new Finding(
        finding.type(),
        finding.severity(),
        finding.migration(),
        cut(finding.message()),
        cut(finding.help()),
        finding.evidence(),
        finding.subject() == null ? null : cut(finding.subject()),
        finding.line());
  }

  private static String cut(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
  }

  private static String shortened(String message) {
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }
}
