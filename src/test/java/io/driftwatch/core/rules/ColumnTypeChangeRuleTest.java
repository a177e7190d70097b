package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnTypeChangeRuleTest {

  private final ColumnTypeChangeRule rule = new ColumnTypeChangeRule();

  @Test
  void column_type_ok_new_or_empty_table() {
    assertThat(
            LintCheck.run(
                rule,
                """
        CREATE TABLE "Tag" ("id" INTEGER);
        ALTER TABLE "Tag" ALTER COLUMN "id" SET DATA TYPE BIGINT;
        ALTER TABLE "Empty" ALTER COLUMN "id" TYPE BIGINT;
        """,
                Map.of("Empty", 0L)))
        .isEmpty();
  }

  @Test
  void column_type_ok_other_column_changes() {
    assertThat(
            LintCheck.run(rule, "ALTER TABLE \"User\" ALTER COLUMN \"role\" SET DEFAULT 'TYPE';"))
        .isEmpty();
  }

  @Test
  void column_type_err_prisma_set_data_type() {
    assertThat(
            LintCheck.run(
                rule,
                "-- AlterTable\nALTER TABLE \"User\" ALTER COLUMN \"age\" SET DATA TYPE BIGINT;"))
        .singleElement()
        .satisfies(
            f -> assertThat(f.message()).startsWith("Line 2 changes the type of \"User\".\"age\""))
        .satisfies(f -> assertThat(f.help()).contains("SET lock_timeout = '5s';"));
  }

  @Test
  void column_type_err_short_form() {
    assertThat(
            LintCheck.run(
                rule, "alter table users alter email type varchar(320) using email::varchar(320)"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("users.email"));
  }
}
