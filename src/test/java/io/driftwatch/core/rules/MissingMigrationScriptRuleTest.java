package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import org.junit.jupiter.api.Test;

class MissingMigrationScriptRuleTest {

  private final MissingMigrationScriptRule rule = new MissingMigrationScriptRule();

  @Test
  void missing_script_ok() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a"))).isEmpty();
  }

  @Test
  void missing_script_err_empty_directory_p3015() {
    assertThat(RuleCheck.run(rule, Scenario.create().emptyDirectory("a")))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("P3015").doesNotContain("status"));
  }

  @Test
  void missing_script_err_with_a_row_status_fails_too() {
    assertThat(RuleCheck.run(rule, Scenario.create().emptyDirectory("a").deployed("a")))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("prisma migrate status"));
  }
}
