package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingMigrationWillFailRuleTest {

  private static final String CREATE_LEAD =
      "-- CreateTable\nCREATE TABLE \"Lead\" (\"id\" SERIAL NOT NULL);\n";

  private final PendingMigrationWillFailRule rule = new PendingMigrationWillFailRule();

  private static Catalog live(String... tables) {
    return new Catalog(
        16,
        List.of("public"),
        Arrays.stream(tables)
            .map(
                name ->
                    Table.of(
                        QualifiedName.of("public", name),
                        List.of(Column.of("id", "integer", false))))
            .toList(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  @Test
  void will_fail_ok_a_new_table() {
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create()
                    .migration("a")
                    .deployed("a")
                    .migration("b", CREATE_LEAD)
                    .liveCatalog(live("User"))))
        .isEmpty();
  }

  @Test
  void will_fail_err_a_table_that_already_exists() {
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create()
                    .migration("a")
                    .deployed("a")
                    .migration("b", CREATE_LEAD)
                    .liveCatalog(live("User", "Lead"))))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.migration()).isEqualTo("b");
              assertThat(finding.subject()).isEqualTo("table \"public\".\"Lead\"");
              assertThat(finding.line()).as("where annotations point").isEqualTo(2);
              assertThat(finding.message())
                  .contains("P3018")
                  .contains("line 2")
                  .contains("already exists");
              assertThat(finding.help()).contains("npx prisma migrate resolve --applied b");
            });
  }

  @Test
  void will_fail_err_altering_a_table_that_does_not_exist() {
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create()
                    .migration("a", "ALTER TABLE \"Team\" ADD COLUMN \"x\" TEXT;\n")
                    .liveCatalog(live("User"))))
        .singleElement()
        .satisfies(
            finding ->
                assertThat(finding.message())
                    .contains("table \"public\".\"Team\" does " + "not exist"));
  }

  @Test
  void will_fail_ok_when_the_live_catalog_was_not_read() {
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create().migration("a", "ALTER TABLE \"Team\" ADD COLUMN \"x\" TEXT;\n")))
        .isEmpty();
  }
}
