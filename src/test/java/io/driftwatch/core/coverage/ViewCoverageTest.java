package io.driftwatch.core.coverage;

import static io.driftwatch.core.coverage.Catalogs.catalog;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.coverage.CoverageItem.Kind;
import io.driftwatch.core.prisma.schema.PrismaSchema;
import org.junit.jupiter.api.Test;

/** Views: Migrate writes no SQL for them, a hand-written migration must create them. */
class ViewCoverageTest {

  private static final String SCHEMA =
      """
      generator client {
        provider        = "prisma-client-js"
        previewFeatures = ["views"]
      }

      model Order {
        id    Int @id
        total Int
      }

      view OrderTotals {
        id    Int @unique
        total Int
        @@map("order_totals")
      }
      """;

  private static final Catalog TABLES = catalog().table("public.Order", "id", "total").build();

  @Test
  void view_created_by_a_hand_written_migration_is_covered() throws Exception {
    Catalog migrated =
        catalog().table("public.Order", "id", "total").view("public.order_totals").build();

    CoverageReport report = Coverage.of(PrismaSchema.parse(SCHEMA), "public", migrated, migrated);

    CoverageItem view = report.item(Kind.VIEW, "OrderTotals").orElseThrow();
    assertThat(view.databaseName()).isEqualTo("public.order_totals");
    assertThat(view.status()).isEqualTo(CoverageStatus.COVERED);
    assertThat(view.live()).isTrue();
  }

  @Test
  void view_fields_are_not_items_the_catalog_holds_no_view_columns() throws Exception {
    CoverageReport report = Coverage.of(PrismaSchema.parse(SCHEMA), "public", TABLES, TABLES);

    assertThat(report.items(Kind.FIELD))
        .extracting(CoverageItem::prismaName)
        .containsExactly("Order.id", "Order.total");
  }

  @Test
  void view_no_migration_creates_gets_a_create_view_help() throws Exception {
    CoverageItem view =
        Coverage.of(PrismaSchema.parse(SCHEMA), "public", TABLES, TABLES)
            .item(Kind.VIEW, "OrderTotals")
            .orElseThrow();

    assertThat(view.status()).isEqualTo(CoverageStatus.MISSING);
    assertThat(view.help())
        .hasValueSatisfying(
            help ->
                assertThat(help)
                    .contains("npx prisma migrate dev --create-only --name add_order_totals")
                    .contains("CREATE VIEW \"public\".\"order_totals\" AS")
                    .doesNotContain("migrate diff"));
  }

  @Test
  void view_only_in_the_live_database_is_copied_into_a_migration_marked_applied() throws Exception {
    Catalog live =
        catalog().table("public.Order", "id", "total").view("public.order_totals").build();

    CoverageItem view =
        Coverage.of(PrismaSchema.parse(SCHEMA), "public", TABLES, live)
            .item(Kind.VIEW, "OrderTotals")
            .orElseThrow();

    assertThat(view.status()).isEqualTo(CoverageStatus.LIVE_ONLY);
    assertThat(view.help())
        .hasValueSatisfying(
            help ->
                assertThat(help)
                    .contains("pg_get_viewdef('\"public\".\"order_totals\"'::regclass)")
                    .contains("npx prisma migrate resolve --applied <timestamp>_add_order_totals"));
  }

  @Test
  void a_table_of_the_view_name_is_not_the_view() throws Exception {
    Catalog migrated =
        catalog().table("public.Order", "id", "total").table("public.order_totals", "id").build();

    CoverageItem view =
        Coverage.of(PrismaSchema.parse(SCHEMA), "public", migrated, migrated)
            .item(Kind.VIEW, "OrderTotals")
            .orElseThrow();

    assertThat(view.status()).isEqualTo(CoverageStatus.MISSING);
  }
}
