package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import org.junit.jupiter.api.Test;

class NotManagedRuleTest {

  private final NotManagedRule rule = new NotManagedRule();

  @Test
  void not_managed_ok_empty_database_without_table() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").noHistoryTable(false)))
        .isEmpty();
  }

  @Test
  void not_managed_err_tables_without_history_table() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").noHistoryTable(true)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message()).contains("P3005");
              assertThat(f.help()).contains("npx prisma migrate resolve --applied 0_init");
            });
  }
}
