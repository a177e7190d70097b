package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import io.driftwatch.core.finding.Severity;
import org.junit.jupiter.api.Test;

class PhantomMigrationRuleTest {

  private final PhantomMigrationRule rule = new PhantomMigrationRule();

  @Test
  void phantom_ok_every_row_has_a_directory() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").deployed("a"))).isEmpty();
  }

  @Test
  void phantom_err_applied_but_not_in_folder() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").deployed("a").deployed("20251113220938_add_customer_slug")))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.migration()).isEqualTo("20251113220938_add_customer_slug");
          assertThat(f.severity()).isEqualTo(Severity.ERROR);
          assertThat(f.message()).contains("Database schema is up to date!");
          assertThat(f.help()).contains("prisma/migrations/20251113220938_add_customer_slug/migration.sql");
        });
  }

  @Test
  void phantom_err_rolled_back_phantom_is_only_a_warning() {
    assertThat(RuleCheck.run(rule, Scenario.create().failed("p", "boom").resolvedRolledBack("p")))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
  }
}
