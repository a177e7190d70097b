package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.finding.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TruncateRuleTest {

  private final TruncateRule rule = new TruncateRule();

  @Test
  void truncate_ok_empty_table_and_string() {
    assertThat(
            LintCheck.run(
                rule, "TRUNCATE \"Cache\";\nSELECT 'TRUNCATE \"User\"';", Map.of("Cache", 0L)))
        .isEmpty();
  }

  @Test
  void truncate_err_each_table_options_skipped() {
    assertThat(
            LintCheck.run(
                rule,
                "TRUNCATE TABLE ONLY \"Session\", audit.log RESTART IDENTITY CASCADE;",
                Map.of("Session", 90L)))
        .satisfiesExactly(
            f ->
                assertThat(f)
                    .satisfies(s -> assertThat(s.severity()).isEqualTo(Severity.ERROR))
                    .satisfies(
                        s ->
                            assertThat(s.message())
                                .startsWith("Line 1 truncates \"Session\" (about 90 rows)")),
            f ->
                assertThat(f)
                    .satisfies(s -> assertThat(s.severity()).isEqualTo(Severity.WARNING))
                    .satisfies(s -> assertThat(s.message()).contains("audit.log")));
  }
}
