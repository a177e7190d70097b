package io.driftwatch.core.coverage;

import static io.driftwatch.core.coverage.Catalogs.catalog;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.coverage.CoverageItem.Kind;
import io.driftwatch.core.prisma.schema.PrismaSchema;
import org.junit.jupiter.api.Test;

/** When the live database could not be read: UNCOVERED instead of LIVE_ONLY or MISSING. */
class WithoutLiveCoverageTest {

  private static final String SCHEMA =
      """
      model User {
        id    Int    @id
        email String
      }

      model Invite {
        id Int @id
      }
      """;

  private static final Catalog MIGRATED = catalog().table("public.User", "id").build();

  @Test
  void not_created_by_migrations_is_uncovered_and_never_live() throws Exception {
    CoverageReport report = Coverage.withoutLive(PrismaSchema.parse(SCHEMA), "public", MIGRATED);

    assertThat(report.liveRead()).isFalse();
    assertThat(report.items()).noneMatch(CoverageItem::live);
    assertThat(report.item(Kind.MODEL, "User").orElseThrow().status())
        .isEqualTo(CoverageStatus.COVERED);
    CoverageItem email = report.item(Kind.FIELD, "User.email").orElseThrow();
    assertThat(email.status()).isEqualTo(CoverageStatus.UNCOVERED);
    assertThat(email.help())
        .hasValueSatisfying(
            help ->
                assertThat(help)
                    .contains("--create-only --name add_user_email")
                    .contains("migrate resolve --applied <timestamp>_add_user_email"));
    assertThat(report.item(Kind.MODEL, "Invite").orElseThrow().status())
        .isEqualTo(CoverageStatus.UNCOVERED);
    assertThat(report.summary().count(CoverageStatus.LIVE_ONLY)).isZero();
    assertThat(report.summary().count(CoverageStatus.MISSING)).isZero();
  }

  @Test
  void with_live_read_uncovered_never_appears() throws Exception {
    CoverageReport report = Coverage.of(PrismaSchema.parse(SCHEMA), "public", MIGRATED, MIGRATED);

    assertThat(report.liveRead()).isTrue();
    assertThat(report.items(CoverageStatus.UNCOVERED)).isEmpty();
    assertThat(report.notCreatedByMigrations())
        .extracting(CoverageItem::prismaName)
        .containsExactly("User.email", "Invite", "Invite.id");
  }
}
