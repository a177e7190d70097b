package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.lint.MigrationLint;
import java.util.List;
import java.util.Map;

/** Runs one lint rule over a script and checks the shape every finding must have. */
final class LintCheck {

  static final String MIGRATION = "20240101000000_change";

  private LintCheck() {}

  /** Lints a script whose tables are all of unknown size. */
  static List<Finding> run(LintRule rule, String sql) {
    return run(rule, sql, Map.of());
  }

  static List<Finding> run(LintRule rule, String sql, Map<String, Long> rowEstimates) {
    List<Finding> findings = rule.check(LintContext.of(new MigrationLint(MIGRATION, sql, rowEstimates)));
    for (Finding finding : findings) {
      assertThat(finding.type())
          .as("a rule reports only its own type; %s reported %s", rule.getClass().getSimpleName(), finding.code())
          .isEqualTo(rule.type());
      assertThat(finding.migration()).as("the finding names the migration").isEqualTo(MIGRATION);
      assertThat(finding.message()).as("message of %s names the statement's line", finding.code()).contains("Line ");
      assertThat(finding.help()).as("help of %s must say what to do", finding.code()).isNotBlank();
    }
    return findings;
  }
}
