package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.finding.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DropTableRuleTest {

  private final DropTableRule rule = new DropTableRule();

  @Test
  void drop_table_ok_other_drops_and_strings() {
    assertThat(
            LintCheck.run(
                rule,
                """
        DROP INDEX "User_email_key";
        DROP TYPE "Role";
        INSERT INTO "Note" ("text") VALUES ('DROP TABLE "User";');
        -- DROP TABLE "User";
        """))
        .isEmpty();
  }

  @Test
  void drop_table_ok_table_created_by_the_same_migration() {
    assertThat(LintCheck.run(rule, "CREATE TABLE \"Tmp\" (\"id\" INTEGER);\nDROP TABLE \"Tmp\";"))
        .isEmpty();
  }

  @Test
  void drop_table_err_each_table_with_its_line() {
    assertThat(
            LintCheck.run(
                rule, "-- DropTable\n\nDROP TABLE IF EXISTS \"Post\", public.\"Tag\" CASCADE;"))
        .hasSize(2)
        .allSatisfy(f -> assertThat(f.message()).startsWith("Line 3 drops table"))
        .satisfiesExactly(
            f -> assertThat(f.message()).contains("\"Post\""),
            f -> assertThat(f.message()).contains("public.\"Tag\""));
  }

  @Test
  void drop_table_err_is_an_error_when_the_table_has_rows() {
    assertThat(LintCheck.run(rule, "DROP TABLE \"Post\";", Map.of("Post", 1200L)))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR))
        .satisfies(f -> assertThat(f.message()).contains("about 1,200 rows"));
    assertThat(LintCheck.run(rule, "DROP TABLE \"Post\";", Map.of("Post", 0L)))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
  }
}
