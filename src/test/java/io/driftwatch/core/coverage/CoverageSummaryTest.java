package io.driftwatch.core.coverage;

import static io.driftwatch.core.coverage.Catalogs.catalog;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.coverage.CoverageItem.Kind;
import io.driftwatch.core.prisma.schema.PrismaSchema;
import org.junit.jupiter.api.Test;

/**
 * Counts per kind and status, and the ratio: covered over counted (models, views, fields, values,
 * join tables).
 */
class CoverageSummaryTest {

  private static final String SCHEMA =
      """
      enum Status {
        OPEN
        CLOSED
      }

      model Ticket {
        id     Int    @id
        status Status
        tags   Tag[]
      }

      model Tag {
        id      Int      @id
        tickets Ticket[]
      }
      """;

  private static final Catalog FULL =
      catalog()
          .table("public.Ticket", "id", "status")
          .table("public.Tag", "id")
          .table("public._TagToTicket", "A", "B")
          .enumType("public.Status", "OPEN", "CLOSED")
          .build();

  @Test
  void fully_covered_schema_has_ratio_one() throws Exception {
    CoverageSummary summary =
        Coverage.of(PrismaSchema.parse(SCHEMA), "public", FULL, FULL).summary();

    // Ticket, Ticket.id, Ticket.status, Tag, Tag.id, _TagToTicket, OPEN, CLOSED; the enum type is
    // not counted
    assertThat(summary.countedItems()).isEqualTo(8);
    assertThat(summary.coveredItems()).isEqualTo(8);
    assertThat(summary.ratio()).hasValue(1.0);
    assertThat(summary.count(CoverageStatus.COVERED)).isEqualTo(9);
    assertThat(summary.count(Kind.ENUM, CoverageStatus.COVERED)).isEqualTo(1);
  }

  @Test
  void counts_per_kind_and_status() throws Exception {
    Catalog migrated =
        catalog().table("public.Ticket", "id").enumType("public.Status", "OPEN").build();
    Catalog live =
        catalog()
            .table("public.Ticket", "id", "status")
            .table("public.Tag", "id")
            .enumType("public.Status", "OPEN")
            .build();

    CoverageSummary summary =
        Coverage.of(PrismaSchema.parse(SCHEMA), "public", migrated, live).summary();

    assertThat(summary.count(Kind.MODEL, CoverageStatus.COVERED)).isEqualTo(1);
    assertThat(summary.count(Kind.MODEL, CoverageStatus.LIVE_ONLY)).isEqualTo(1);
    assertThat(summary.count(Kind.FIELD, CoverageStatus.COVERED)).isEqualTo(1);
    assertThat(summary.count(Kind.FIELD, CoverageStatus.LIVE_ONLY)).isEqualTo(2);
    assertThat(summary.count(Kind.JOIN_TABLE, CoverageStatus.MISSING)).isEqualTo(1);
    assertThat(summary.count(Kind.ENUM_VALUE, CoverageStatus.COVERED)).isEqualTo(1);
    assertThat(summary.count(Kind.ENUM_VALUE, CoverageStatus.MISSING)).isEqualTo(1);
    assertThat(summary.count(Kind.VIEW)).isZero();
    assertThat(summary.count(CoverageStatus.UNCOVERED)).isZero();
    assertThat(summary.countedItems()).isEqualTo(8);
    assertThat(summary.coveredItems()).isEqualTo(3);
    assertThat(summary.ratio()).hasValue(3.0 / 8);
  }

  @Test
  void nothing_to_count_has_no_ratio() throws Exception {
    CoverageSummary summary =
        Coverage.of(
                PrismaSchema.parse(
                    """
        datasource db {
          provider = "postgresql"
          url      = env("DATABASE_URL")
        }
        """),
                "public",
                Catalogs.empty(),
                Catalogs.empty())
            .summary();

    assertThat(summary.countedItems()).isZero();
    assertThat(summary.ratio()).isEmpty();
  }

  @Test
  void nothing_created_by_migrations_is_ratio_zero() throws Exception {
    CoverageSummary summary =
        Coverage.of(PrismaSchema.parse(SCHEMA), "public", Catalogs.empty(), FULL).summary();

    assertThat(summary.ratio()).hasValue(0.0);
    assertThat(summary.count(CoverageStatus.LIVE_ONLY)).isEqualTo(9);
  }
}
