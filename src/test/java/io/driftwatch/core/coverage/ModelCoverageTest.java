package io.driftwatch.core.coverage;

import static io.driftwatch.core.coverage.Catalogs.catalog;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.coverage.CoverageItem.Kind;
import io.driftwatch.core.prisma.schema.PrismaSchema;
import org.junit.jupiter.api.Test;

/** Models and their fields: tables and columns by their database names. */
class ModelCoverageTest {

  private static final String SHOP =
      """
      datasource db {
        provider = "postgresql"
        url      = env("DATABASE_URL")
      }

      model User {
        id        String   @id @default(uuid()) @db.Uuid
        email     String   @unique @map("email_address")
        createdAt DateTime @default(now()) @map("created_at")
        orders    Order[]
        @@map("users")
      }

      model Order {
        id     Int    @id @default(autoincrement())
        userId String @map("user_id") @db.Uuid
        user   User   @relation(fields: [userId], references: [id])
        note   String?
        @@map("orders")
      }

      model AuditLog {
        id      Int    @id
        message String
      }
      """;

  private static final Catalog MIGRATED =
      catalog()
          .table("public.users", "id", "email_address", "created_at")
          .table("public.orders", "id", "user_id", "note")
          .build();

  private static CoverageReport coverage(Catalog createdByMigrations, Catalog live)
      throws Exception {
    return Coverage.of(PrismaSchema.parse(SHOP), "public", createdByMigrations, live);
  }

  @Test
  void mapped_tables_and_columns_created_by_migrations_are_covered_and_live() throws Exception {
    CoverageReport report = coverage(MIGRATED, MIGRATED);

    CoverageItem user = report.item(Kind.MODEL, "User").orElseThrow();
    assertThat(user.databaseName()).isEqualTo("public.users");
    assertThat(user.status()).isEqualTo(CoverageStatus.COVERED);
    assertThat(user.createdByMigration()).isTrue();
    assertThat(user.live()).isTrue();
    assertThat(user.help()).isEmpty();
    CoverageItem email = report.item(Kind.FIELD, "User.email").orElseThrow();
    assertThat(email.databaseName()).isEqualTo("public.users.email_address");
    assertThat(email.status()).isEqualTo(CoverageStatus.COVERED);
  }

  @Test
  void relation_fields_make_no_items_their_scalar_fields_do() throws Exception {
    CoverageReport report = coverage(MIGRATED, MIGRATED);

    assertThat(report.items(Kind.FIELD))
        .extracting(CoverageItem::prismaName)
        .containsExactly(
            "User.id",
            "User.email",
            "User.createdAt",
            "Order.id",
            "Order.userId",
            "Order.note",
            "AuditLog.id",
            "AuditLog.message");
    assertThat(report.item(Kind.FIELD, "User.orders")).isEmpty();
    assertThat(report.item(Kind.FIELD, "Order.user")).isEmpty();
  }

  @Test
  void model_with_no_migration_and_not_live_is_missing_with_create_only_help() throws Exception {
    CoverageReport report = coverage(MIGRATED, MIGRATED);

    CoverageItem log = report.item(Kind.MODEL, "AuditLog").orElseThrow();
    assertThat(log.databaseName()).isEqualTo("public.AuditLog");
    assertThat(log.status()).isEqualTo(CoverageStatus.MISSING);
    assertThat(log.createdByMigration()).isFalse();
    assertThat(log.live()).isFalse();
    assertThat(log.help())
        .hasValueSatisfying(
            help ->
                assertThat(help)
                    .contains("npx prisma migrate dev --create-only --name add_audit_log")
                    .contains("npx prisma migrate deploy")
                    .doesNotContain("resolve"));
    CoverageItem message = report.item(Kind.FIELD, "AuditLog.message").orElseThrow();
    assertThat(message.status()).isEqualTo(CoverageStatus.MISSING);
    assertThat(message.help()).hasValueSatisfying(help -> assertThat(help).contains("`AuditLog`"));
  }

  @Test
  void model_created_by_db_push_only_is_live_only_with_catch_up_help() throws Exception {
    Catalog live =
        catalog()
            .table("public.users", "id", "email_address", "created_at")
            .table("public.orders", "id", "user_id", "note")
            .table("public.AuditLog", "id", "message")
            .build();

    CoverageItem log = coverage(MIGRATED, live).item(Kind.MODEL, "AuditLog").orElseThrow();

    assertThat(log.status()).isEqualTo(CoverageStatus.LIVE_ONLY);
    assertThat(log.createdByMigration()).isFalse();
    assertThat(log.live()).isTrue();
    assertThat(log.help())
        .hasValueSatisfying(
            help ->
                assertThat(help)
                    .contains(
                        "npx prisma migrate diff --from-migrations prisma/migrations --to-schema-datasource "
                            + "prisma/schema.prisma")
                    .contains("--script")
                    .contains("npx prisma migrate resolve --applied <timestamp>_add_audit_log"));
  }

  @Test
  void field_added_by_a_migration_but_dropped_live_is_covered_and_not_live() throws Exception {
    Catalog live =
        catalog()
            .table("public.users", "id", "email_address", "created_at")
            .table("public.orders", "id", "user_id")
            .build();

    CoverageItem note = coverage(MIGRATED, live).item(Kind.FIELD, "Order.note").orElseThrow();

    assertThat(note.status()).isEqualTo(CoverageStatus.COVERED);
    assertThat(note.createdByMigration()).isTrue();
    assertThat(note.live()).isFalse();
    assertThat(note.help()).isEmpty();
  }

  @Test
  void field_added_to_a_migrated_model_without_a_migration_gets_a_column_migration()
      throws Exception {
    Catalog migrated =
        catalog()
            .table("public.users", "id", "email_address")
            .table("public.orders", "id", "user_id", "note")
            .build();
    Catalog live =
        catalog()
            .table("public.users", "id", "email_address", "created_at")
            .table("public.orders", "id", "user_id", "note")
            .build();

    CoverageReport notLive = coverage(migrated, migrated);
    CoverageReport pushed = coverage(migrated, live);

    CoverageItem missing = notLive.item(Kind.FIELD, "User.createdAt").orElseThrow();
    assertThat(missing.status()).isEqualTo(CoverageStatus.MISSING);
    assertThat(missing.databaseName()).isEqualTo("public.users.created_at");
    assertThat(missing.help())
        .hasValueSatisfying(
            help -> assertThat(help).contains("--create-only --name add_user_created_at"));
    CoverageItem livePushed = pushed.item(Kind.FIELD, "User.createdAt").orElseThrow();
    assertThat(livePushed.status()).isEqualTo(CoverageStatus.LIVE_ONLY);
    assertThat(livePushed.help())
        .hasValueSatisfying(
            help ->
                assertThat(help)
                    .contains("migrate resolve --applied <timestamp>_add_user_created_at"));
  }

  @Test
  void a_table_of_the_same_name_in_another_schema_does_not_count() throws Exception {
    Catalog elsewhere =
        catalog()
            .table("other.users", "id", "email_address", "created_at")
            .table("other.orders", "id", "user_id", "note")
            .build();

    CoverageReport report = coverage(elsewhere, elsewhere);

    assertThat(report.item(Kind.MODEL, "User").orElseThrow().status())
        .isEqualTo(CoverageStatus.MISSING);
  }

  @Test
  void default_schema_places_models_without_schema_attribute() throws Exception {
    Catalog tenant =
        catalog()
            .table("tenant_a.users", "id", "email_address", "created_at")
            .table("tenant_a.orders", "id", "user_id", "note")
            .table("tenant_a.AuditLog", "id", "message")
            .build();

    CoverageReport report = Coverage.of(PrismaSchema.parse(SHOP), "tenant_a", tenant, tenant);

    assertThat(report.defaultSchema()).isEqualTo("tenant_a");
    assertThat(report.items())
        .allSatisfy(item -> assertThat(item.status()).isEqualTo(CoverageStatus.COVERED));
    assertThat(report.item(Kind.MODEL, "User").orElseThrow().databaseName())
        .isEqualTo("tenant_a.users");
  }

  @Test
  void column_missing_from_a_pushed_table_needs_its_own_migration_after_the_catch_up()
      throws Exception {
    Catalog live =
        catalog()
            .table("public.users", "id", "email_address", "created_at")
            .table("public.orders", "id", "user_id", "note")
            .table("public.AuditLog", "id")
            .build();

    CoverageReport report = coverage(MIGRATED, live);

    assertThat(report.item(Kind.FIELD, "AuditLog.id").orElseThrow().help())
        .hasValueSatisfying(help -> assertThat(help).contains("`AuditLog`"));
    CoverageItem message = report.item(Kind.FIELD, "AuditLog.message").orElseThrow();
    assertThat(message.status()).isEqualTo(CoverageStatus.MISSING);
    assertThat(message.help())
        .hasValueSatisfying(
            help -> assertThat(help).contains("--create-only --name add_audit_log_message"));
  }
}
