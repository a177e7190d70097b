package io.driftwatch.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.core.finding.Family;
import io.driftwatch.core.finding.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindingSelectorTest {

  @Test
  void a_code_a_family_or_any_with_a_severity_and_a_tier() {
    assertThat(FindingSelector.parse("HI004"))
        .isEqualTo(
            new FindingSelector(
                Optional.of("HI004"), Optional.empty(), Optional.empty(), Optional.empty()));
    assertThat(FindingSelector.parse("MS:ERROR"))
        .isEqualTo(
            new FindingSelector(
                Optional.empty(),
                Optional.of(Family.MS),
                Optional.of(Severity.ERROR),
                Optional.empty()));
    assertThat(FindingSelector.parse(" SD@production ").tier()).contains("production");
    assertThat(FindingSelector.parse("*:CRITICAL").toString()).isEqualTo("*:CRITICAL");
    assertThat(FindingSelector.parse("SD:WARNING@production").toString())
        .isEqualTo("SD:WARNING@production");
  }

  @Test
  void what_is_not_a_selector_is_refused_with_the_syntax() {
    assertThatThrownBy(() -> FindingSelector.parse("XX"))
        .hasMessageContaining("names no finding family");
    assertThatThrownBy(() -> FindingSelector.parse("MS:LOUD"))
        .hasMessageContaining("names no severity");
    assertThatThrownBy(() -> FindingSelector.parse("drop tables"))
        .hasMessageContaining("is not a gate selector")
        .hasMessageContaining("MS:ERROR");
    assertThatThrownBy(() -> FindingSelector.parse(null)).hasMessageContaining("empty");
  }
}
