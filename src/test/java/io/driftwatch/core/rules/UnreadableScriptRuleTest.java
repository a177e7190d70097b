package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import org.junit.jupiter.api.Test;

class UnreadableScriptRuleTest {

  private final UnreadableScriptRule rule = new UnreadableScriptRule();

  @Test
  void unreadable_ok_plain_files() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").emptyDirectory("b"))).isEmpty();
  }

  @Test
  void unreadable_err_symlink_is_reported_not_followed() {
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create()
                    .unreadable("a", "it is a symbolic link, which driftwatch never follows")
                    .deployed("a")))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("symbolic link"));
  }

  @Test
  void unreadable_err_is_neither_missing_nor_edited_nor_p3015() {
    Scenario scenario =
        Scenario.create().unreadable("a", "it is 60000000 bytes, over the limit").deployed("a");
    assertThat(scenario.findingNames()).containsExactly("UNREADABLE_MIGRATION_SCRIPT");
    assertThat(scenario.audit().prismaStatus().output()).doesNotContain("P3015");
  }
}
