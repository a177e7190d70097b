package io.driftwatch.core.effect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.effect.Effect.Action;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.sql.SqlStatement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A script is split once and each statement read once, whoever asks: the lint rules and the
 * deploy's pre-flight share one reading of a pending migration.
 */
class ScriptReadingTest {

  private static final String SCRIPT =
      "CREATE TABLE \"a\" (\"id\" INTEGER);\n"
          + "ALTER TABLE \"a\" ADD COLUMN \"b\" TEXT;\n"
          + "CREATE INDEX CONCURRENTLY \"a_b\" ON \"a\" (\"b\");\n";

  @Test
  void a_statement_is_read_once_for_the_lint_and_the_pre_flight() {
    ScriptReading reading = ScriptReading.of(SCRIPT, "public");
    SqlStatement alter = reading.statements().get(1);

    List<Effect> all = reading.all(100);
    LintContext lint = new LintContext("m", reading, TableRows.NONE, ProjectPaths.DEFAULT);

    assertThat(lint.effects(alter)).isSameAs(reading.effects(alter));
    assertThat(lint.statements()).isSameAs(reading.statements());
    assertThat(all)
        .extracting(Effect::action)
        .containsExactly(Action.CREATE, Action.CREATE, Action.CREATE, Action.CREATE);
    assertThat(all.get(2)).isSameAs(reading.effects(alter).get(0));
    assertThat(lint.traits(reading.statements().get(2)))
        .isSameAs(reading.traits(reading.statements().get(2)))
        .containsExactly(StatementTrait.CONCURRENTLY);
  }

  @Test
  void reading_every_effect_stops_beyond_its_bound() {
    ScriptReading reading = ScriptReading.of(SCRIPT, "public");

    assertThatThrownBy(() -> reading.all(3))
        .isInstanceOf(StatementEffects.TooLarge.class)
        .hasMessage("it makes over 3 schema changes");
    assertThat(reading.all(4)).hasSize(4);
  }

  @Test
  void a_script_of_more_statements_than_kept_is_counted_and_not_read_as_effects() {
    String many = "SELECT 1;\n".repeat(StatementEffects.MAX_STATEMENTS + 5);
    ScriptReading reading = ScriptReading.of(many, "public");

    assertThat(reading.statements()).hasSize(StatementEffects.MAX_STATEMENTS);
    assertThat(reading.statementCount()).isEqualTo(StatementEffects.MAX_STATEMENTS + 5);
    assertThatThrownBy(() -> reading.all(Integer.MAX_VALUE))
        .isInstanceOf(StatementEffects.TooLarge.class)
        .hasMessage("it holds 20,005 statements, over 20,000");
  }

  @Test
  void the_deploy_queue_shares_one_bound_and_stops_at_the_first_migration_over_it() {
    PendingPreflight.Reader reader = new PendingPreflight.Reader(4);
    reader.add("1_a", ScriptReading.of(SCRIPT, "public"));
    reader.unreadable("2_broken", new IllegalStateException("no split"));
    reader.add("3_b", ScriptReading.of(SCRIPT, "public"));
    reader.withoutScript("4_empty");
    reader.add("5_c", ScriptReading.of("CREATE TABLE \"c\" (\"id\" INTEGER);", "public"));

    PendingPreflight pending = reader.predict(Optional.empty());

    assertThat(pending.effects().keySet())
        .containsExactly("1_a", "2_broken", "3_b", "4_empty", "5_c");
    assertThat(pending.effects().get("1_a")).hasSize(4);
    assertThat(pending.effects().get("3_b")).isEmpty();
    assertThat(pending.failures()).containsOnlyKeys("2_broken");
    assertThat(pending.unread()).containsExactly("3_b", "4_empty", "5_c");
    assertThat(pending.predicted()).isEmpty();
  }

  @Test
  void the_pre_flight_keeps_the_start_of_a_statement_not_all_of_it() {
    String longInsert = "INSERT INTO \"a\" (\"b\") VALUES ('" + "x".repeat(5_000) + "');";
    PendingPreflight.Reader reader = new PendingPreflight.Reader(10);
    ScriptReading reading = ScriptReading.of(longInsert, "public");
    reader.add("1_load", reading);

    Effect kept = reader.predict(Optional.empty()).effects().get("1_load").get(0);

    assertThat(kept.statement().text()).hasSize(PendingPreflight.KEPT_STATEMENT_CHARS);
    assertThat(reading.statements().get(0).text())
        .isEqualTo(longInsert.substring(0, longInsert.length() - 1));
  }
}
