package io.driftwatch.core.drift;

import static io.driftwatch.core.drift.DriftFixtures.EXPECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class SchemaDriftTest {

  @Test
  void drifts_come_in_a_stable_order_with_counts_by_kind() {
    SchemaDrift drift = SchemaDiff.compare(EXPECTED, CatchUpMigrationTest.drifted());

    assertThat(drift.drifts())
        .extracting(Drift::kind)
        .containsExactly(
            DriftKind.UNTRACKED_ENUM_VALUE,
            DriftKind.UNTRACKED_TABLE,
            DriftKind.UNTRACKED_COLUMN,
            DriftKind.MISSING_CONSTRAINT,
            DriftKind.MISSING_INDEX);
    assertThat(drift.size()).isEqualTo(5);
    assertThat(drift.count(DriftKind.UNTRACKED_TABLE)).isEqualTo(1);
    assertThat(drift.count(DriftKind.MISSING_TABLE)).isZero();
    assertThat(drift.counts())
        .containsExactly(
            entry(DriftKind.UNTRACKED_TABLE, 1L),
            entry(DriftKind.UNTRACKED_COLUMN, 1L),
            entry(DriftKind.UNTRACKED_ENUM_VALUE, 1L),
            entry(DriftKind.MISSING_INDEX, 1L),
            entry(DriftKind.MISSING_CONSTRAINT, 1L));
    assertThat(drift.ofKind(DriftKind.UNTRACKED_COLUMN))
        .extracting(Drift::member)
        .containsExactly("views");
  }

  @Test
  void the_same_catalogs_give_equal_drift_and_scripts() {
    SchemaDrift first = SchemaDiff.compare(EXPECTED, CatchUpMigrationTest.drifted());
    SchemaDrift second = SchemaDiff.compare(EXPECTED, CatchUpMigrationTest.drifted());

    assertThat(second).isEqualTo(first);
    assertThat(RestorePlan.from(second).sql()).isEqualTo(RestorePlan.from(first).sql());
  }
}
