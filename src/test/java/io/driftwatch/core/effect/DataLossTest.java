package io.driftwatch.core.effect;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.engine.MigrationLinter;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.lint.MigrationLint;
import io.driftwatch.core.plan.DataAtRisk;
import io.driftwatch.core.plan.DataAtRiskItem;
import io.driftwatch.core.sql.SqlScript;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One reading of what loses data, shared by the lint and the plan's data at risk. */
class DataLossTest {

  private static final String LOSSES =
      """
      DROP TABLE "Session", audit.log CASCADE;
      ALTER TABLE "User" DROP COLUMN "bio", ALTER COLUMN "age" TYPE BIGINT, ALTER COLUMN "name" SET NOT NULL;
      TRUNCATE ONLY "Cache";
      DELETE FROM "Token";
      UPDATE "User" SET "age" = 0;
      UPDATE "User" SET "age" = 1 WHERE "id" = 2;
      DELETE FROM "Token" WHERE "id" = 1;
      CREATE TABLE "New" ("id" INTEGER);
      DROP TABLE "New";
      """;

  private static List<Effect> effects(String sql) {
    return new StatementEffects("public").of(SqlScript.split(sql).statements());
  }

  @Test
  void each_way_of_losing_data_is_read_from_its_effect() {
    assertThat(effects(LOSSES).stream().map(DataLoss::of).flatMap(Optional::stream))
        .containsExactly(
            DataLoss.DROPS_TABLE,
            DataLoss.DROPS_TABLE,
            DataLoss.DROPS_COLUMN,
            DataLoss.CHANGES_COLUMN_TYPE,
            DataLoss.TRUNCATES,
            DataLoss.DELETES_EVERY_ROW,
            DataLoss.UPDATES_EVERY_ROW,
            DataLoss.DROPS_TABLE);
  }

  @Test
  void the_objects_keep_the_names_as_the_script_writes_them() {
    assertThat(effects(LOSSES).stream().filter(e -> DataLoss.of(e).isPresent()))
        .extracting(
            e -> e.writtenOwner() + (e.object().part().isEmpty() ? "" : "." + e.writtenPart()))
        .containsExactly(
            "\"Session\"",
            "audit.log",
            "\"User\".\"bio\"",
            "\"User\".\"age\"",
            "\"Cache\"",
            "\"Token\"",
            "\"User\"",
            "\"New\"");
  }

  @Test
  void a_statement_that_cannot_lose_data_is_known_by_its_leading_words() {
    assertThat(SqlScript.split(LOSSES + "CREATE INDEX \"i\" ON \"User\"(\"age\");\n").statements())
        .filteredOn(statement -> !DataLoss.mayComeOf(statement))
        .allSatisfy(
            statement ->
                assertThat(new StatementEffects("public").of(statement))
                    .noneMatch(effect -> DataLoss.of(effect).isPresent()))
        .hasSize(2);
  }

  @Test
  void the_lint_and_the_plan_see_the_same_losses_on_live_tables() {
    Map<String, Long> rows =
        Map.of("Session", 10L, "audit.log", 10L, "User", 10L, "Cache", 10L, "Token", 10L);
    List<Finding> lint =
        new MigrationLinter()
            .lint(new MigrationLint("20240101000000_losses", LOSSES, rows)).stream()
                .filter(f -> Set.of("MS001", "MS002", "MS003", "MS009", "MS010").contains(f.code()))
                .toList();
    List<DataAtRiskItem> atRisk =
        DataAtRisk.of(
            effects(LOSSES),
            Set.of(SchemaObject.of(SchemaObject.Kind.TABLE, QualifiedName.of("public", "New"))),
            TableRows.NONE);

    assertThat(lint).hasSize(7).hasSameSizeAs(atRisk);
    assertThat(lint)
        .extracting(f -> f.message().substring(0, "Line 1".length()))
        .containsExactlyInAnyOrderElementsOf(
            atRisk.stream().map(item -> "Line " + item.line()).toList());
  }
}
