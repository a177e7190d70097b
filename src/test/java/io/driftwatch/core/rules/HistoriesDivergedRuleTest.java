package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import org.junit.jupiter.api.Test;

class HistoriesDivergedRuleTest {

  private final HistoriesDivergedRule rule = new HistoriesDivergedRule();

  @Test
  void diverged_ok_only_phantom() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").deployed("a").deployed("p")))
        .isEmpty();
  }

  @Test
  void diverged_ok_only_pending() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").deployed("a").migration("b")))
        .isEmpty();
  }

  @Test
  void diverged_err_both_sides_name_the_split() {
    Scenario scenario =
        Scenario.create()
            .migration("20240101000000_a")
            .deployed("20240101000000_a")
            .deployed("20240102000000_p")
            .migration("20240103000000_b");
    assertThat(RuleCheck.run(rule, scenario))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.migration()).isEqualTo("20240101000000_a");
              assertThat(f.message()).contains("20240102000000_p").contains("20240103000000_b");
            });
  }
}
