package io.driftwatch.core.lint;

import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.rules.LintRule;
import io.driftwatch.core.rules.Rules;
import java.util.List;

/** Runs the lint rules over one pending migration: a pure function of its script and row estimates. */
public final class MigrationLinter {

  private final List<LintRule> rules;

  public MigrationLinter() {
    this(Rules.lint());
  }

  public MigrationLinter(List<LintRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public List<Finding> lint(MigrationLint migration) {
    LintContext context = LintContext.of(migration);
    return rules.stream().flatMap(rule -> rule.check(context).stream()).toList();
  }
}
