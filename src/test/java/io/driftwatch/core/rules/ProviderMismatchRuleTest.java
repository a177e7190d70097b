package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import org.junit.jupiter.api.Test;

class ProviderMismatchRuleTest {

  private final ProviderMismatchRule rule = new ProviderMismatchRule();

  @Test
  void provider_ok_same() {
    assertThat(RuleCheck.run(rule, Scenario.create().lockProvider("postgresql"))).isEmpty();
  }

  @Test
  void provider_ok_postgres_alias() {
    assertThat(RuleCheck.run(rule, Scenario.create().lockProvider("postgres"))).isEmpty();
  }

  @Test
  void provider_ok_no_lock_file() {
    assertThat(RuleCheck.run(rule, Scenario.create().lockProvider(null))).isEmpty();
  }

  @Test
  void provider_err_mysql_lock_on_postgresql_p3019() {
    assertThat(RuleCheck.run(rule, Scenario.create().lockProvider("mysql")))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("P3019").contains("mysql"));
  }
}
