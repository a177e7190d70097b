package io.driftwatch.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default policy on real audits, and a policy of one's own. */
class GateTest {

  private static GateResult gate(Scenario scenario, String tier) {
    return Gate.judge(scenario.audit().findings(), GatePolicy.DEFAULT, tier);
  }

  private static Finding finding(String code, Severity severity) {
    FindingType type =
        Rules.types().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    return type.about("public.t", severity, "a message", "a fix");
  }

  @Test
  void an_environment_in_sync_passes() {
    GateResult result = gate(Scenario.create().migration("a").deployed("a"), "production");
    assertThat(result.verdict()).isEqualTo(GateVerdict.PASS);
    assertThat(result.reasons()).isEmpty();
  }

  @Test
  void an_ordinary_pending_migration_warns_and_does_not_block_the_deploy() {
    GateResult result =
        gate(Scenario.create().migration("a").deployed("a").migration("b"), "production");
    assertThat(result.verdict()).isEqualTo(GateVerdict.WARN);
    assertThat(result.reasons())
        .extracting(reason -> reason.finding().code())
        .containsExactly("HI001");
  }

  @Test
  void a_failed_migration_fails_and_the_reason_carries_the_fix() {
    GateResult result =
        gate(
            Scenario.create().migration("a").deployed("a").migration("b").failed("b", "boom"),
            "staging");
    assertThat(result.verdict()).isEqualTo(GateVerdict.FAIL);
    GateResult.Reason first = result.reasons().get(0);
    assertThat(first.effect()).isEqualTo(GateVerdict.FAIL);
    assertThat(first.finding().code()).isEqualTo("HI004");
    assertThat(first.selector()).hasToString("HI004");
    assertThat(first.finding().help()).contains("npx prisma migrate resolve");
  }

  @Test
  void a_phantom_fails_anywhere() {
    GateResult result =
        gate(Scenario.create().migration("a").deployed("a").deployed("hotfix"), "development");
    assertThat(result.verdict()).isEqualTo(GateVerdict.FAIL);
    assertThat(result.reasons()).extracting(r -> r.finding().code()).contains("HI002");
  }

  @Test
  void schema_drift_fails_on_production_and_warns_elsewhere() {
    List<Finding> drift = List.of(finding("SD001", Severity.WARNING));
    assertThat(Gate.judge(drift, GatePolicy.DEFAULT, "production").verdict())
        .isEqualTo(GateVerdict.FAIL);
    assertThat(Gate.judge(drift, GatePolicy.DEFAULT, "staging").verdict())
        .isEqualTo(GateVerdict.WARN);
  }

  @Test
  void a_safety_finding_fails_only_when_raised_to_error_by_rows_in_the_table() {
    assertThat(
            Gate.judge(List.of(finding("MS001", Severity.ERROR)), GatePolicy.DEFAULT, "staging")
                .verdict())
        .isEqualTo(GateVerdict.FAIL);
    assertThat(
            Gate.judge(List.of(finding("MS001", Severity.WARNING)), GatePolicy.DEFAULT, "staging")
                .verdict())
        .isEqualTo(GateVerdict.WARN);
  }

  @Test
  void a_policy_of_ones_own_decides_and_failures_come_first() {
    GatePolicy strict = GatePolicy.of(List.of("HI001"), List.of("*"));
    List<Finding> findings =
        List.of(finding("MS015", Severity.INFO), finding("HI001", Severity.WARNING));
    GateResult result = Gate.judge(findings, strict, "staging");
    assertThat(result.verdict()).isEqualTo(GateVerdict.FAIL);
    assertThat(result.reasons())
        .extracting(r -> r.effect() + " " + r.finding().code())
        .containsExactly("FAIL HI001", "WARN MS015");
    assertThat(Gate.judge(List.of(), strict, "staging").verdict()).isEqualTo(GateVerdict.PASS);
  }
}
