package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InvalidScriptEncodingRuleTest {

  private final InvalidScriptEncodingRule rule = new InvalidScriptEncodingRule();

  @Test
  void encoding_ok_utf8_with_bom() {
    byte[] bytes = "\uFEFFINSERT INTO t VALUES ('café');\n".getBytes(StandardCharsets.UTF_8);
    assertThat(RuleCheck.run(rule, Scenario.create().migrationBytes("a", bytes))).isEmpty();
  }

  @Test
  void encoding_err_latin1() {
    byte[] bytes = "INSERT INTO t VALUES ('café');\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(RuleCheck.run(rule, Scenario.create().migrationBytes("a", bytes)))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("U+FFFD"));
  }
}
