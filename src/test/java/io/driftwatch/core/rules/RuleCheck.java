package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import io.driftwatch.core.finding.Finding;
import java.util.List;

/** Runs one rule over a scenario and checks the shape every finding must have. */
final class RuleCheck {

  private RuleCheck() {}

  static List<Finding> run(HistoryRule rule, Scenario scenario) {
    List<Finding> findings = rule.check(scenario.context());
    for (Finding finding : findings) {
      assertThat(finding.type())
          .as(
              "a rule reports only its own type; %s reported %s",
              rule.getClass().getSimpleName(), finding.code())
          .isEqualTo(rule.type());
      assertThat(finding.message()).as("message of %s", finding.code()).isNotBlank();
      assertThat(finding.help()).as("help of %s must say what to do", finding.code()).isNotBlank();
    }
    return findings;
  }
}
