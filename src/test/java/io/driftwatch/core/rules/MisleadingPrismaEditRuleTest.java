package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import io.driftwatch.core.history.MigrationScript;
import org.junit.jupiter.api.Test;

class MisleadingPrismaEditRuleTest {

  private final MisleadingPrismaEditRule rule = new MisleadingPrismaEditRule();

  @Test
  void misleading_edit_ok_really_edited_is_not_excused() {
    Scenario scenario = Scenario.create().migration("a", "new;\n").deployedScript("a", "old;\n");
    assertThat(RuleCheck.run(rule, scenario)).isEmpty();
  }

  @Test
  void misleading_edit_err_fixed_after_failure_and_reapplied() {
    Scenario scenario =
        Scenario.create()
            .migration("a", "fixed;\n")
            .failedWithChecksum("a", MigrationScript.of("broken;\n").checksum(), "boom")
            .resolvedRolledBack("a")
            .deployed("a");
    assertThat(RuleCheck.run(rule, scenario))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("oldest row"));
  }
}
