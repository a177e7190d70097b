package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import org.junit.jupiter.api.Test;

class OutOfOrderMigrationRuleTest {

  private final OutOfOrderMigrationRule rule = new OutOfOrderMigrationRule();

  @Test
  void out_of_order_ok_pending_after_newest_applied() {
    Scenario scenario =
        Scenario.create()
            .migration("20240101000000_a")
            .deployed("20240101000000_a")
            .migration("20240102000000_b");
    assertThat(RuleCheck.run(rule, scenario)).isEmpty();
  }

  @Test
  void out_of_order_err_pending_sorts_before_an_applied_one() {
    Scenario scenario =
        Scenario.create()
            .migration("20240101000000_a")
            .deployed("20240101000000_a")
            .migration("20240103000000_c")
            .deployed("20240103000000_c")
            .migration("20240102000000_b");
    assertThat(RuleCheck.run(rule, scenario))
        .singleElement()
        .satisfies(f -> assertThat(f.migration()).isEqualTo("20240102000000_b"));
  }

  @Test
  void out_of_order_err_applied_phantom_counts_as_newest() {
    Scenario scenario =
        Scenario.create()
            .migration("20241210000000_init")
            .deployed("20241210000000_init")
            .deployed("20251113220938_add_customer_slug")
            .migration("20241226000000_add_leads_questionnaire_models");
    assertThat(RuleCheck.run(rule, scenario))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("20251113220938_add_customer_slug"));
  }
}
