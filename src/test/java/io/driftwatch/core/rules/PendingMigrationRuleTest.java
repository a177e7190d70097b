package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import io.driftwatch.core.finding.Finding;
import org.junit.jupiter.api.Test;

class PendingMigrationRuleTest {

  private final PendingMigrationRule rule = new PendingMigrationRule();

  @Test
  void pending_ok_all_applied() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").deployed("a"))).isEmpty();
  }

  @Test
  void pending_err_folder_migration_without_row() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").deployed("a").migration("b")))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.migration()).isEqualTo("b");
              assertThat(f.help()).contains("npx prisma migrate deploy");
            });
  }

  @Test
  void pending_ok_not_reported_when_the_database_is_not_managed() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").noHistoryTable(true)))
        .isEmpty();
  }

  @Test
  void pending_err_fresh_empty_database_lists_every_migration() {
    assertThat(
            RuleCheck.run(
                rule, Scenario.create().migration("a").migration("b").noHistoryTable(false)))
        .extracting(Finding::migration)
        .containsExactly("a", "b");
  }
}
