package io.driftwatch.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MigrationHistoryTest {

  private static Map<String, MigrationState> states(Scenario scenario) {
    MigrationHistory history = scenario.audit().history();
    return history.records().stream()
        .collect(Collectors.toMap(MigrationRecord::name, history::stateOf));
  }

  @Test
  void every_state_from_rows() {
    Scenario scenario =
        Scenario.create()
            .migration("20240101000000_init")
            .deployed("20240101000000_init")
            .migration("20240102000000_failed")
            .failed("20240102000000_failed", "relation exists")
            .migration("20240103000000_rolled")
            .failed("20240103000000_rolled", "boom")
            .resolvedRolledBack("20240103000000_rolled")
            .migration("20240104000000_pending")
            .migration("20240105000000_gone")
            .deployed("20240105000000_gone")
            .deleteDirectory("20240105000000_gone");
    assertThat(states(scenario))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "20240101000000_init", MigrationState.APPLIED,
                "20240102000000_failed", MigrationState.FAILED,
                "20240103000000_rolled", MigrationState.ROLLED_BACK,
                "20240104000000_pending", MigrationState.PENDING,
                "20240105000000_gone", MigrationState.PHANTOM));
  }

  @Test
  void failed_then_rolled_back_then_reapplied_is_applied_with_three_rows() {
    Scenario scenario =
        Scenario.create()
            .migration("20240101000000_a")
            .failed("20240101000000_a", "boom")
            .resolvedRolledBack("20240101000000_a")
            .deployed("20240101000000_a");
    MigrationHistory history = scenario.audit().history();
    MigrationRecord record = history.records().get(0);
    assertThat(history.stateOf(record)).isEqualTo(MigrationState.APPLIED);
    assertThat(record.rows()).hasSize(2);
    assertThat(record.appliedBy()).contains(AppliedBy.DEPLOY);
  }

  @Test
  void resolve_applied_row_is_recognised() {
    Scenario scenario =
        Scenario.create()
            .migration("20240101000000_a")
            .failed("20240101000000_a", "boom")
            .resolvedApplied("20240101000000_a");
    MigrationRecord record = scenario.audit().history().records().get(0);
    assertThat(record.rows()).hasSize(2);
    assertThat(record.appliedBy()).contains(AppliedBy.RESOLVE_APPLIED);
    assertThat(record.checksumMatches()).contains(true);
  }

  @Test
  void unfinished_row_under_the_deploy_lock_is_applying_not_failed() {
    Scenario scenario =
        Scenario.create()
            .migration("20240101000000_a")
            .failed("20240101000000_a", null)
            .deployLockHeld();
    assertThat(states(scenario)).containsEntry("20240101000000_a", MigrationState.APPLYING);
  }

  @Test
  void history_states() {
    assertThat(Scenario.create().migration("a").deployed("a").audit().history().state())
        .isEqualTo(HistoryState.IN_SYNC);
    assertThat(
            Scenario.create().migration("a").deployed("a").migration("b").audit().history().state())
        .isEqualTo(HistoryState.DATABASE_BEHIND);
    assertThat(
            Scenario.create().migration("a").deployed("a").deployed("p").audit().history().state())
        .isEqualTo(HistoryState.FOLDER_BEHIND);
    assertThat(
            Scenario.create()
                .migration("a")
                .deployed("a")
                .deployed("p")
                .migration("b")
                .audit()
                .history()
                .state())
        .isEqualTo(HistoryState.DIVERGED);
    assertThat(Scenario.create().migration("a").noHistoryTable(true).audit().history().state())
        .isEqualTo(HistoryState.NOT_MANAGED);
    assertThat(Scenario.create().migration("a").noHistoryTable(false).audit().history().state())
        .isEqualTo(HistoryState.DATABASE_BEHIND);
    assertThat(Scenario.create().noHistoryTable(false).audit().history().state())
        .isEqualTo(HistoryState.IN_SYNC);
  }

  @Test
  void rolled_back_migration_makes_the_database_behind() {
    Scenario scenario = Scenario.create().migration("a").failed("a", "x").resolvedRolledBack("a");
    assertThat(scenario.audit().history().state()).isEqualTo(HistoryState.DATABASE_BEHIND);
  }

  @Test
  void last_common_migration_is_the_one_before_the_first_to_apply() {
    MigrationHistory history =
        Scenario.create()
            .migration("20240101000000_a")
            .deployed("20240101000000_a")
            .migration("20240102000000_b")
            .deployed("20240102000000_b")
            .migration("20240103000000_c")
            .deployed("20240104000000_phantom")
            .audit()
            .history();
    assertThat(history.state()).isEqualTo(HistoryState.DIVERGED);
    assertThat(history.lastCommonMigration()).contains("20240102000000_b");
  }

  @Test
  void phantoms_come_after_folder_migrations_in_first_started_order() {
    MigrationHistory history =
        Scenario.create()
            .migration("20240103000000_c")
            .deployed("20240103000000_c")
            .deployed("20240102000000_p2")
            .deployed("20240101000000_p1")
            .audit()
            .history();
    assertThat(history.records().stream().map(MigrationRecord::name))
        .containsExactly("20240103000000_c", "20240102000000_p2", "20240101000000_p1");
    assertThat(history.records().stream().map(MigrationRecord::position)).containsExactly(0, 1, 2);
  }

  @Test
  void rows_are_grouped_by_exact_case_sensitive_name() {
    MigrationHistory history =
        Scenario.create()
            .migration("20240101000000_Init")
            .deployed("20240101000000_init")
            .audit()
            .history();
    Map<String, MigrationState> byName =
        history.records().stream()
            .collect(Collectors.toMap(MigrationRecord::name, history::stateOf));
    assertThat(byName)
        .containsEntry("20240101000000_Init", MigrationState.PENDING)
        .containsEntry("20240101000000_init", MigrationState.PHANTOM);
  }

  @Test
  void join_is_independent_of_row_input_order() {
    Scenario scenario =
        Scenario.create().migration("a").failed("a", "x").resolvedRolledBack("a").deployed("a");
    List<HistoryRow> rows = scenario.input().target().rows();
    List<HistoryRow> reversed = new ArrayList<>(rows);
    Collections.reverse(reversed);
    MigrationHistory history =
        MigrationHistory.join(scenario.input().source().migrations(), reversed, true, true, false);
    assertThat(history.records().get(0).oldestRow()).contains(rows.get(0));
    assertThat(history.stateOf(history.records().get(0))).isEqualTo(MigrationState.APPLIED);
  }
}
