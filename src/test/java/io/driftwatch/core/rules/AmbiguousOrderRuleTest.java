package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import org.junit.jupiter.api.Test;

class AmbiguousOrderRuleTest {

  private final AmbiguousOrderRule rule = new AmbiguousOrderRule();

  @Test
  void ambiguous_order_ok_prisma_timestamps() {
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create().migration("20240101000000_a").migration("20240102000000_B")))
        .isEmpty();
  }

  @Test
  void ambiguous_order_err_numeric_prefixes() {
    assertThat(
            RuleCheck.run(
                rule, Scenario.create().migration("1_x").migration("10_y").migration("2_z")))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.migration()).isEqualTo("10_y");
              assertThat(f.message()).contains("`1_x` before `10_y`");
            });
  }
}
