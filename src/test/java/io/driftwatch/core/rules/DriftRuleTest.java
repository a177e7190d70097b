package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.Family;
import io.driftwatch.core.finding.Severity;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every drift kind's rule, each through the same {@code _ok}/{@code _err} pair. */
class DriftRuleTest {

  /** Drift that breaks what the application reads or writes. */
  private static final Set<DriftKind> ERRORS =
      EnumSet.of(DriftKind.MISSING_TABLE, DriftKind.MISSING_COLUMN, DriftKind.CHANGED_COLUMN);

  /** Managed databases add and upgrade extensions of their own. */
  private static final Set<DriftKind> INFOS =
      EnumSet.of(DriftKind.UNTRACKED_EXTENSION, DriftKind.CHANGED_EXTENSION);

  static Stream<DriftRule> rules() {
    return DriftRule.all().stream();
  }

  @Test
  void the_plan_tells_untracked_objects_by_their_kind_not_their_name() {
    assertThat(DriftRule.all())
        .allSatisfy(
            rule ->
                assertThat(DriftRule.untracked(rule.type()))
                    .isEqualTo(rule.kind().side() == DriftKind.Side.LIVE_ONLY)
                    .isEqualTo(rule.type().name().startsWith("UNTRACKED_")));
    assertThat(DriftRule.untracked(ModelWithoutMigrationRule.TYPE)).isFalse();
    assertThat(DriftRule.kindOf(ModelWithoutMigrationRule.TYPE)).isEmpty();
  }

  @Test
  void every_drift_kind_has_one_rule_named_after_it() {
    assertThat(DriftRule.all())
        .extracting(DriftRule::kind)
        .containsExactlyInAnyOrder(DriftKind.values());
    assertThat(DriftRule.all())
        .allSatisfy(
            rule -> {
              assertThat(rule.type().name()).isEqualTo(rule.kind().name());
              assertThat(rule.type().family()).isEqualTo(Family.SD);
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void drift_rule_ok(DriftRule rule) {
    DriftRuleCheck.reportsNothingWithout(rule, rule.kind());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void drift_rule_err(DriftRule rule) {
    DriftRuleCheck.reportsEach(rule, rule.kind());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void severity_follows_what_the_drift_breaks(DriftRule rule) {
    Severity expected =
        ERRORS.contains(rule.kind())
            ? Severity.ERROR
            : INFOS.contains(rule.kind()) ? Severity.INFO : Severity.WARNING;
    assertThat(rule.type().severity()).as(rule.type().code()).isEqualTo(expected);
  }
}
