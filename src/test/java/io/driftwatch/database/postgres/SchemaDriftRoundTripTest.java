package io.driftwatch.database.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.drift.CatchUpMigration;
import io.driftwatch.core.drift.Drift;
import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.drift.RestorePlan;
import io.driftwatch.core.drift.SchemaDiff;
import io.driftwatch.core.drift.SchemaDrift;
import io.driftwatch.testing.CatalogReading;
import io.driftwatch.testing.PrismaSchemaMigrations;
import io.driftwatch.testing.TargetDatabase;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The drift engine against real databases: the catch-up migration turns the migrated database into
 * the drifted one, and the restore plan turns the drifted one back, as the catalog reader sees
 * them.
 */
class SchemaDriftRoundTripTest {

  /** Changes made by hand on a migrated database, behind Prisma's back. */
  static final String HAND_EDITS =
      """
      ALTER TYPE "Role" ADD VALUE 'GUEST' BEFORE 'USER';
      DROP INDEX "Post_authorId_publishedAt_idx";
      ALTER TABLE "User" ADD COLUMN "nickname" VARCHAR(40) NOT NULL DEFAULT '';
      ALTER TABLE "User" ALTER COLUMN "name" TYPE TEXT, ALTER COLUMN "name" SET NOT NULL;
      CREATE INDEX "User_createdAt_idx" ON "User"("createdAt");
      ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";
      ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id")
        ON DELETE CASCADE ON UPDATE CASCADE;
      ALTER TABLE "Post" ADD COLUMN "editorId" INTEGER;
      ALTER TABLE "Post" ADD CONSTRAINT "Post_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User"("id")
        ON DELETE SET NULL ON UPDATE CASCADE;
      CREATE TABLE "audit"."Note" (
        "id" SERIAL NOT NULL, "text" TEXT NOT NULL, "userId" INTEGER,
        CONSTRAINT "Note_pkey" PRIMARY KEY ("id"));
      CREATE INDEX "Note_userId_idx" ON "audit"."Note"("userId");
      ALTER TABLE "audit"."Note" ADD CONSTRAINT "Note_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id")
        ON DELETE SET NULL ON UPDATE CASCADE;
      CREATE VIEW "Editors" AS SELECT "id", "email" FROM "User" WHERE "role" = 'EDITOR';
      DROP TABLE "Measurement_2025";
      """;

  static Catalog read(TargetDatabase database) {
    try (CatalogReading reading = CatalogReading.of(database.name())) {
      return reading.read("public", "audit");
    }
  }

  @Test
  void the_catch_up_migration_turns_the_migrated_database_into_the_live_one() {
    try (TargetDatabase live = PrismaSchemaMigrations.deployed();
        TargetDatabase replayed = PrismaSchemaMigrations.deployed()) {
      live.sql(HAND_EDITS);
      Catalog expected = read(replayed);
      Catalog liveCatalog = read(live);
      SchemaDrift drift = SchemaDiff.compare(expected, liveCatalog);

      replayed.sql(CatchUpMigration.from(drift, Instant.parse("2025-06-01T00:00:00Z")).sql());

      assertThat(SchemaDiff.compare(read(replayed), liveCatalog).drifts())
          .extracting(Drift::description)
          .isEmpty();
      assertThat(read(replayed)).isEqualTo(liveCatalog);
    }
  }

  @Test
  void the_restore_plan_turns_the_live_database_back_into_the_migrated_one() {
    try (TargetDatabase live = PrismaSchemaMigrations.deployed();
        TargetDatabase replayed = PrismaSchemaMigrations.deployed()) {
      live.sql(HAND_EDITS);
      Catalog expected = read(replayed);
      SchemaDrift drift = SchemaDiff.compare(expected, read(live));

      live.sql(RestorePlan.from(drift).sql());

      assertThat(SchemaDiff.compare(expected, read(live)).drifts())
          .extracting(Drift::description)
          .isEmpty();
      assertThat(read(live)).isEqualTo(expected);
    }
  }

  @Test
  void each_hand_edit_is_reported_once_and_what_a_table_drift_covers_is_not_reported_again() {
    try (TargetDatabase live = PrismaSchemaMigrations.deployed();
        TargetDatabase replayed = PrismaSchemaMigrations.deployed()) {
      live.sql(HAND_EDITS);

      SchemaDrift drift = SchemaDiff.compare(read(replayed), read(live));

      // The index on lower("name") is rebuilt by PostgreSQL when the column changes type: its
      // definition follows.
      assertThat(drift.drifts())
          .extracting(Drift::kind, item -> item.object().toString(), Drift::member)
          .containsExactly(
              tuple(DriftKind.UNTRACKED_ENUM_VALUE, "public.Role", "GUEST"),
              tuple(DriftKind.UNTRACKED_TABLE, "audit.Note", null),
              tuple(DriftKind.MISSING_TABLE, "public.Measurement_2025", null),
              tuple(DriftKind.UNTRACKED_COLUMN, "public.Post", "editorId"),
              tuple(DriftKind.CHANGED_CONSTRAINT, "public.Post", "Post_authorId_fkey"),
              tuple(DriftKind.UNTRACKED_CONSTRAINT, "public.Post", "Post_editorId_fkey"),
              tuple(DriftKind.MISSING_INDEX, "public.Post", "Post_authorId_publishedAt_idx"),
              tuple(DriftKind.CHANGED_COLUMN, "public.User", "name"),
              tuple(DriftKind.UNTRACKED_COLUMN, "public.User", "nickname"),
              tuple(DriftKind.UNTRACKED_INDEX, "public.User", "User_createdAt_idx"),
              tuple(DriftKind.CHANGED_INDEX, "public.User", "User_name_lower_idx"),
              tuple(DriftKind.UNTRACKED_VIEW, "public.Editors", null));
      assertThat(drift.ofKind(DriftKind.CHANGED_COLUMN))
          .extracting(Drift::description)
          .containsExactly(
              "column \"User\".\"name\": type character varying(255) -> text, nullable -> not null");
    }
  }
}
