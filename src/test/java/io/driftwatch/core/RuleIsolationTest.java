package io.driftwatch.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.engine.AuditEngine;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.HistoryRule;
import io.driftwatch.core.rules.PendingMigrationRule;
import io.driftwatch.core.rules.Rules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A check that fails on its input is a finding naming it; the audit completes with every other
 * check's findings.
 */
class RuleIsolationTest {

  @Test
  void a_history_rule_that_throws_is_a_finding_and_the_other_rules_still_judge() {
    FindingType broken =
        new FindingType("HI901", "BROKEN_CHECK", Severity.ERROR, "A check that always fails.");
    HistoryRule throwing =
        new HistoryRule() {
          @Override
          public FindingType type() {
            return broken;
          }

          @Override
          public List<Finding> check(AuditContext context) {
            throw new UnsupportedOperationException("cannot judge this");
          }
        };
    AuditInput input =
        Scenario.create()
            .migration("20240101000000_init")
            .deployed("20240101000000_init")
            .migration("20240102000000_next")
            .input();

    AuditResult result =
        new AuditEngine(List.of(throwing, new PendingMigrationRule()), List.of(), List.of())
            .audit(input);

    assertThat(result.findings())
        .extracting(Finding::code)
        .containsExactlyInAnyOrder("HI001", "DH006");
    Finding failure =
        result.findings().stream().filter(f -> f.code().equals("DH006")).findFirst().orElseThrow();
    assertThat(failure.migration()).isNull();
    assertThat(failure.subject()).isEqualTo("HI901 (BROKEN_CHECK)");
    assertThat(failure.message())
        .startsWith(
            "The check HI901 (BROKEN_CHECK) failed on this environment instead of "
                + "judging it: UnsupportedOperationException: cannot judge this at ");
    assertThat(failure.help()).contains("(A check that always fails.)");
    assertThat(result.outcome()).isEqualTo(Outcome.DRIFT);
  }

  @Test
  void a_deploy_over_what_the_preflight_plays_is_checked_up_to_there_and_the_rest_is_named() {
    Scenario scenario =
        Scenario.create().migration("20240101000000_init").deployed("20240101000000_init");
    scenario.migration("20240102000000_small", "CREATE TABLE \"a\" (\"id\" INTEGER);");
    scenario.migration("20240103000000_load", "SELECT 1;\n".repeat(20_001));
    scenario.migration("20240104000000_after", "CREATE TABLE \"b\" (\"id\" INTEGER);");

    AuditResult result = new AuditEngine().audit(scenario.input());

    assertThat(result.pending().unread())
        .containsExactly("20240103000000_load", "20240104000000_after");
    assertThat(result.pending().effects().get("20240102000000_small")).isNotEmpty();
    List<String> oversized = new ArrayList<>();
    result.findings().stream()
        .filter(f -> f.code().equals("MS020"))
        .forEach(f -> oversized.add(f.message()));
    assertThat(oversized)
        .anySatisfy(
            message ->
                assertThat(message)
                    .startsWith(
                        "`20240103000000_load` and the 1 pending migration after it are not pre-flighted"));
    assertThat(oversized)
        .anySatisfy(
            message ->
                assertThat(message)
                    .startsWith(
                        "`20240103000000_load` holds 20,001 statements: the safety lint read its first 20,000"));
  }

  @Test
  void the_engine_types_are_in_the_catalogue() {
    assertThat(Rules.types()).extracting(FindingType::code).contains("DH006", "MS020");
  }
}
