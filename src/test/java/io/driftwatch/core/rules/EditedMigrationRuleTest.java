package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import io.driftwatch.core.history.MigrationScript;
import org.junit.jupiter.api.Test;

class EditedMigrationRuleTest {

  private final EditedMigrationRule rule = new EditedMigrationRule();

  @Test
  void edited_ok_same_script() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").deployed("a"))).isEmpty();
  }

  @Test
  void edited_ok_crlf_checkout_of_lf_script() {
    Scenario scenario =
        Scenario.create()
            .migration("a", "CREATE TABLE a (id int);\r\n")
            .deployedScript("a", "CREATE TABLE a (id int);\n");
    assertThat(RuleCheck.run(rule, scenario)).isEmpty();
  }

  @Test
  void edited_ok_legacy_unpadded_row() {
    String legacy = "b4e049784e46eabb8c31975b62152d551bac49c3c2e80932567b485dcd";
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create().migration("a", "SELECT 1;\n").deployedWithChecksum("a", legacy)))
        .isEmpty();
  }

  @Test
  void edited_ok_fixed_after_failure_and_reapplied() {
    Scenario scenario =
        Scenario.create()
            .migration("a", "fixed;\n")
            .failedWithChecksum("a", MigrationScript.of("broken;\n").checksum(), "boom")
            .resolvedRolledBack("a")
            .deployed("a");
    assertThat(RuleCheck.run(rule, scenario)).isEmpty();
  }

  @Test
  void edited_err_script_changed_after_apply() {
    Scenario scenario =
        Scenario.create()
            .migration("a", "CREATE TABLE a (id bigint);\n")
            .deployedScript("a", "CREATE TABLE a (id int);\n");
    assertThat(RuleCheck.run(rule, scenario))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.migration()).isEqualTo("a");
              assertThat(f.message())
                  .contains(MigrationScript.of("CREATE TABLE a (id int);\n").checksum());
              assertThat(f.help()).contains("prisma migrate dev --create-only");
            });
  }
}
