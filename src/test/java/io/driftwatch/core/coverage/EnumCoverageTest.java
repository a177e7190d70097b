package io.driftwatch.core.coverage;

import static io.driftwatch.core.coverage.Catalogs.catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.coverage.CoverageItem.Kind;
import io.driftwatch.core.prisma.schema.PrismaSchema;
import org.junit.jupiter.api.Test;

/** Enum types by their database name, values by their database label. */
class EnumCoverageTest {

  private static final String SCHEMA =
      """
      enum Role {
        USER  @map("user")
        ADMIN @map("admin")
        GUEST @map("guest")
        @@map("user_role")
      }

      enum Plan {
        FREE
        PRO
      }

      model Account {
        id   Int  @id
        role Role
        plan Plan
      }
      """;

  private static final Catalog MIGRATED =
      catalog()
          .table("public.Account", "id", "role", "plan")
          .enumType("public.user_role", "user", "admin")
          .build();

  private static CoverageReport coverage(Catalog createdByMigrations, Catalog live)
      throws Exception {
    return Coverage.of(PrismaSchema.parse(SCHEMA), "public", createdByMigrations, live);
  }

  @Test
  void mapped_enum_and_values_match_by_database_names() throws Exception {
    CoverageReport report = coverage(MIGRATED, MIGRATED);

    CoverageItem role = report.item(Kind.ENUM, "Role").orElseThrow();
    assertThat(role.databaseName()).isEqualTo("public.user_role");
    assertThat(role.status()).isEqualTo(CoverageStatus.COVERED);
    CoverageItem admin = report.item(Kind.ENUM_VALUE, "Role.ADMIN").orElseThrow();
    assertThat(admin.databaseName()).isEqualTo("public.user_role 'admin'");
    assertThat(admin.status()).isEqualTo(CoverageStatus.COVERED);
    assertThat(admin.live()).isTrue();
  }

  @Test
  void enum_value_added_by_hand_live_is_live_only() throws Exception {
    Catalog live =
        catalog()
            .table("public.Account", "id", "role", "plan")
            .enumType("public.user_role", "user", "admin", "guest")
            .build();

    CoverageItem guest = coverage(MIGRATED, live).item(Kind.ENUM_VALUE, "Role.GUEST").orElseThrow();

    assertThat(guest.status()).isEqualTo(CoverageStatus.LIVE_ONLY);
    assertThat(guest.createdByMigration()).isFalse();
    assertThat(guest.live()).isTrue();
    assertThat(guest.help())
        .hasValueSatisfying(
            help ->
                assertThat(help)
                    .contains("migrate diff --from-migrations")
                    .contains("migrate resolve --applied <timestamp>_add_role_guest"));
  }

  @Test
  void enum_value_in_the_schema_only_is_missing_with_its_own_migration() throws Exception {
    CoverageItem guest =
        coverage(MIGRATED, MIGRATED).item(Kind.ENUM_VALUE, "Role.GUEST").orElseThrow();

    assertThat(guest.status()).isEqualTo(CoverageStatus.MISSING);
    assertThat(guest.help())
        .hasValueSatisfying(
            help ->
                assertThat(help)
                    .contains("npx prisma migrate dev --create-only --name add_role_guest"));
  }

  @Test
  void enum_no_migration_creates_makes_its_values_point_at_it() throws Exception {
    CoverageReport report = coverage(MIGRATED, MIGRATED);

    CoverageItem plan = report.item(Kind.ENUM, "Plan").orElseThrow();
    assertThat(plan.status()).isEqualTo(CoverageStatus.MISSING);
    assertThat(plan.help())
        .hasValueSatisfying(help -> assertThat(help).contains("--name add_plan"));
    assertThat(report.items(Kind.ENUM_VALUE))
        .filteredOn(item -> item.prismaName().startsWith("Plan."))
        .extracting(CoverageItem::prismaName, CoverageItem::status)
        .containsExactly(
            tuple("Plan.FREE", CoverageStatus.MISSING), tuple("Plan.PRO", CoverageStatus.MISSING));
    assertThat(report.item(Kind.ENUM_VALUE, "Plan.FREE").orElseThrow().help())
        .hasValueSatisfying(help -> assertThat(help).contains("`Plan`"));
  }

  @Test
  void a_value_with_a_quote_is_written_as_sql_writes_it() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        enum Mood {
          OK  @map("it's ok")
        }
        """);
    Catalog migrated = catalog().enumType("public.Mood", "it's ok").build();

    CoverageItem ok =
        Coverage.of(schema, "public", migrated, migrated)
            .item(Kind.ENUM_VALUE, "Mood.OK")
            .orElseThrow();

    assertThat(ok.databaseName()).isEqualTo("public.Mood 'it''s ok'");
    assertThat(ok.status()).isEqualTo(CoverageStatus.COVERED);
  }
}
