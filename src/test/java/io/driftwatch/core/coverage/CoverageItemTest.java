package io.driftwatch.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.core.coverage.CoverageItem.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status follows from the facts; an item cannot contradict its own facts. */
class CoverageItemTest {

  @Test
  void status_follows_from_created_and_live() {
    assertThat(CoverageStatus.of(true, true, true)).isEqualTo(CoverageStatus.COVERED);
    assertThat(CoverageStatus.of(true, false, true)).isEqualTo(CoverageStatus.COVERED);
    assertThat(CoverageStatus.of(false, true, true)).isEqualTo(CoverageStatus.LIVE_ONLY);
    assertThat(CoverageStatus.of(false, false, true)).isEqualTo(CoverageStatus.MISSING);
    assertThat(CoverageStatus.of(false, false, false)).isEqualTo(CoverageStatus.UNCOVERED);
    assertThat(CoverageStatus.of(true, false, false)).isEqualTo(CoverageStatus.COVERED);
  }

  @Test
  void only_covered_is_created_by_a_migration() {
    assertThat(CoverageStatus.values())
        .filteredOn(CoverageStatus::createdByMigration)
        .containsExactly(CoverageStatus.COVERED);
  }

  @Test
  void contradicting_facts_are_refused() {
    assertThatThrownBy(() -> item(CoverageStatus.COVERED, false, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> item(CoverageStatus.LIVE_ONLY, false, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> item(CoverageStatus.MISSING, false, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> item(CoverageStatus.UNCOVERED, false, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(item(CoverageStatus.COVERED, true, false).live()).isFalse();
  }

  @Test
  void enum_types_are_the_only_kind_left_out_of_the_ratio() {
    assertThat(Kind.values()).filteredOn(kind -> !kind.counted()).containsExactly(Kind.ENUM);
  }

  private static CoverageItem item(CoverageStatus status, boolean created, boolean live) {
    return new CoverageItem(
        Kind.MODEL, "User", "public.User", status, created, live, Optional.empty());
  }
}
