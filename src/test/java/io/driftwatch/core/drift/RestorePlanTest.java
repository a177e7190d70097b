package io.driftwatch.core.drift;

import static io.driftwatch.core.drift.DriftFixtures.EXPECTED;
import static io.driftwatch.core.drift.DriftFixtures.POST;
import static io.driftwatch.core.drift.DriftFixtures.USER;
import static io.driftwatch.core.drift.DriftFixtures.addColumn;
import static io.driftwatch.core.drift.DriftFixtures.editTable;
import static io.driftwatch.core.drift.DriftFixtures.removeTable;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import org.junit.jupiter.api.Test;

class RestorePlanTest {

  @Test
  void drops_first_then_creates_tables_columns_indexes_and_foreign_keys_with_a_data_loss_header() {
    SchemaDrift drift = SchemaDiff.compare(EXPECTED, CatchUpMigrationTest.drifted());

    RestorePlan plan = RestorePlan.from(drift);

    assertThat(plan.dataLoss())
        .containsExactly(
            "DROP TABLE \"public\".\"AuditLog\";",
            "ALTER TABLE \"public\".\"Post\" DROP COLUMN \"views\";");
    assertThat(plan.sql())
        .startsWith(
            """
        -- Restores the schema the migrations build. Review it, back up, then run it.
        -- WARNING: data loss. These statements delete the data of what they drop:
        --   DROP TABLE "public"."AuditLog";
        --   ALTER TABLE "public"."Post" DROP COLUMN "views";

        -- DropForeignKey
        ALTER TABLE "public"."AuditLog" DROP CONSTRAINT "AuditLog_userId_fkey";

        -- DropTable
        DROP TABLE "public"."AuditLog";

        -- AlterTable
        ALTER TABLE "public"."Post" DROP COLUMN "views";

        -- CreateIndex
        CREATE INDEX "Post_authorId_idx" ON public."Post" USING btree ("authorId");

        -- AlterEnum
        -- PostgreSQL cannot drop an enum value""");
    assertThat(plan.sql())
        .endsWith(
            """
        -- AddForeignKey
        ALTER TABLE "public"."Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId")\
         REFERENCES "public"."User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
        """);
  }

  @Test
  void a_missing_table_is_created_before_the_foreign_keys_that_reference_it() {
    Catalog live = removeTable(removeTable(EXPECTED, POST), USER);

    RestorePlan plan = RestorePlan.from(SchemaDiff.compare(EXPECTED, live));

    assertThat(plan.dataLoss()).isEmpty();
    assertThat(plan.sql())
        .startsWith(
            "-- Restores the schema the migrations build. Review it, back up, then run it."
                + "\n\n-- CreateTable\n");
    assertThat(plan.sql().indexOf("CREATE TABLE \"public\".\"User\""))
        .isLessThan(
            plan.sql().indexOf("FOREIGN KEY (\"authorId\") REFERENCES \"public\".\"User\""));
  }

  @Test
  void without_drift_the_plan_says_there_is_nothing_to_do() {
    RestorePlan plan = RestorePlan.from(SchemaDiff.compare(EXPECTED, EXPECTED));

    assertThat(plan.statements()).isEmpty();
    assertThat(plan.sql())
        .isEqualTo("-- No drift: the database already has the schema the migrations build.\n");
  }

  @Test
  void two_values_added_to_one_enum_recreate_it_once() {
    Catalog live = SchemaDiffEnumsTest.withRole("USER", "EDITOR", "GUEST", "ADMIN");
    live = editTable(live, POST, table -> addColumn(table, Column.of("views", "integer", true)));

    RestorePlan plan = RestorePlan.from(SchemaDiff.compare(EXPECTED, live));

    assertThat(plan.sql().split("CREATE TYPE \"public\".\"Role_new\"", -1)).hasSize(2);
  }
}
