package io.driftwatch.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.SchemaObject;
import io.driftwatch.core.effect.SchemaObject.Kind;
import io.driftwatch.core.effect.StatementEffects;
import io.driftwatch.core.sql.SqlScript;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class DataAtRiskTest {

  static final TableRows ROWS =
      TableRows.of(Map.of("public.User", 1200L, "public.Post", 35_000L, "public.Stale", -1L));

  static List<Effect> effects(String sql) {
    return new StatementEffects("public").of(SqlScript.split(sql).statements());
  }

  static List<DataAtRiskItem> atRisk(String sql) {
    return DataAtRisk.of(effects(sql), Set.of(), ROWS);
  }

  @Test
  void dropped_table_with_its_row_estimate_and_line() {
    assertThat(atRisk("-- DropTable\nDROP TABLE \"Post\";"))
        .containsExactly(new DataAtRiskItem("public.Post", "drops the table", 35_000L, 2));
  }

  @Test
  void dropped_column() {
    assertThat(atRisk("ALTER TABLE \"User\" DROP COLUMN \"email\";"))
        .containsExactly(
            new DataAtRiskItem("public.User", "drops column \"email\" and its values", 1200L, 1));
  }

  @Test
  void column_type_change_rewrites_the_table() {
    assertThat(
            atRisk(
                """
        ALTER TABLE "User" ALTER COLUMN "age" SET DATA TYPE BIGINT;
        ALTER TABLE "User" ALTER COLUMN "name" TYPE varchar(20);
        ALTER TABLE "User" ALTER COLUMN "name" SET NOT NULL;
        """))
        .containsExactly(
            new DataAtRiskItem(
                "public.User",
                "rewrites the table (column \"age\" changes type: SET DATA TYPE BIGINT)",
                1200L,
                1),
            new DataAtRiskItem(
                "public.User",
                "rewrites the table (column \"name\" changes type: TYPE VARCHAR(20))",
                1200L,
                2));
  }

  @Test
  void truncate_and_unfiltered_row_writes() {
    assertThat(
            atRisk(
                """
        TRUNCATE "Post";
        DELETE FROM "User";
        UPDATE "User" SET "name" = NULL;
        DELETE FROM "User" WHERE "id" = 1;
        UPDATE "User" SET "name" = NULL WHERE "id" = 1;
        INSERT INTO "User" ("id") VALUES (1);
        """))
        .extracting(DataAtRiskItem::action)
        .containsExactly(
            "removes every row (TRUNCATE)",
            "deletes every row (no WHERE)",
            "overwrites every row (no WHERE)");
  }

  @Test
  void tables_created_by_the_deploy_are_left_out() {
    SchemaObject post = SchemaObject.of(Kind.TABLE, QualifiedName.of("public", "Post"));

    List<DataAtRiskItem> items =
        DataAtRisk.of(
            effects(
                """
        DROP TABLE "Post";
        ALTER TABLE "Post" DROP COLUMN "title";
        ALTER TABLE "User" DROP COLUMN "title";
        """),
            Set.of(post),
            ROWS);

    assertThat(items).extracting(DataAtRiskItem::table).containsExactly("public.User");
  }

  @Test
  void unknown_or_negative_estimates_are_minus_one() {
    assertThat(atRisk("DROP TABLE \"Stale\", audit.\"Log\";"))
        .extracting(DataAtRiskItem::table, DataAtRiskItem::rows)
        .containsExactly(Tuple.tuple("public.Stale", -1L), Tuple.tuple("audit.Log", -1L));
  }

  @Test
  void dropping_other_objects_risks_no_data() {
    assertThat(
            atRisk(
                """
        DROP INDEX "User_email_key";
        ALTER TABLE "User" DROP CONSTRAINT "User_pkey";
        DROP TYPE "Role";
        CREATE TABLE "New" ("id" INTEGER);
        """))
        .isEmpty();
  }
}
