package io.driftwatch.core.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FindingTypeTest {

  @Test
  void a_code_names_its_family() {
    FindingType type = new FindingType("MS042", "SOME_RISK", Severity.WARNING, "A risk.");

    assertThat(type.family()).isEqualTo(Family.MS);
  }

  @Test
  void a_code_outside_every_family_is_refused() {
    assertThatThrownBy(() -> new FindingType("XX001", "SOME_RISK", Severity.WARNING, "A risk."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XX001");
  }
}
