package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DriftNotCheckedRuleTest {

  private final DriftNotCheckedRule rule = new DriftNotCheckedRule();

  @Test
  void replay_ran_ok() {
    assertThat(SchemaContexts.run(rule, SchemaContexts.empty())).isEmpty();
  }

  @Test
  void shadow_unreachable_err() {
    assertThat(
            SchemaContexts.run(
                rule,
                SchemaContexts.unavailable("the shadow server db:5432 refused the connection")))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.message()).contains("db:5432 refused the connection");
              assertThat(finding.help()).contains("DRIFTWATCH_SHADOW_URL");
            });
  }
}
