package io.driftwatch.database.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.CatalogDdl;
import io.driftwatch.core.catalog.Extension;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Routine;
import io.driftwatch.core.catalog.Sequence;
import io.driftwatch.core.catalog.Trigger;
import io.driftwatch.core.catalog.TriggerFiring;
import io.driftwatch.core.catalog.UnreadableObject;
import io.driftwatch.core.drift.CatchUpMigration;
import io.driftwatch.core.drift.Drift;
import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.drift.RestorePlan;
import io.driftwatch.core.drift.SchemaDiff;
import io.driftwatch.core.drift.SchemaDrift;
import io.driftwatch.testing.CatalogReading;
import io.driftwatch.testing.TargetDatabase;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Functions, procedures, triggers, extensions and standalone sequences on real PostgreSQL: read,
 * diffed, rebuilt.
 */
class CatalogProgrammabilityTest {

  static final QualifiedName ACCOUNT = QualifiedName.of("public", "Account");

  /** What the migrations create. */
  static final String MIGRATED =
      """
      CREATE EXTENSION IF NOT EXISTS btree_gist;
      CREATE TABLE "Team" ("id" SERIAL NOT NULL, CONSTRAINT "Team_pkey" PRIMARY KEY ("id"));
      CREATE TABLE "Account" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, "teamId" INTEGER,
        "updatedAt" TIMESTAMP(3), CONSTRAINT "Account_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "Account_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id"));
      CREATE SEQUENCE "invoice_number_seq" AS BIGINT START WITH 1000 INCREMENT BY 10;
      CREATE FUNCTION "touch"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW."updatedAt" := now(); RETURN NEW; END $$;
      CREATE FUNCTION "normalize"("value" TEXT, "strict" BOOLEAN DEFAULT false) RETURNS TEXT
        LANGUAGE sql IMMUTABLE AS $$ SELECT lower("value") $$;
      CREATE PROCEDURE "archive"("days" INTEGER) LANGUAGE sql AS $$ SELECT 1 $$;
      CREATE TRIGGER "Account_touch" BEFORE UPDATE ON "Account" FOR EACH ROW EXECUTE FUNCTION "touch"();
      CREATE TRIGGER "Account_audit" AFTER INSERT ON "Account" FOR EACH ROW EXECUTE FUNCTION "touch"();
      ALTER TABLE "Account" DISABLE TRIGGER "Account_audit";
      CREATE TABLE "Reading" ("id" INTEGER NOT NULL, "at" TIMESTAMP(3)) PARTITION BY RANGE ("id");
      CREATE TABLE "Reading_low" PARTITION OF "Reading" FOR VALUES FROM (0) TO (100);
      CREATE FUNCTION "stamp"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW."at" := now(); RETURN NEW; END $$;
      CREATE TRIGGER "Reading_stamp" BEFORE INSERT ON "Reading" FOR EACH ROW EXECUTE FUNCTION "stamp"();
      """;

  /** What a hand does to the database afterwards. */
  static final String HAND_EDITS =
      """
      DROP TRIGGER "Account_touch" ON "Account";
      CREATE OR REPLACE FUNCTION "normalize"("value" TEXT, "strict" BOOLEAN DEFAULT false) RETURNS TEXT
        LANGUAGE sql IMMUTABLE AS $$ SELECT upper("value") $$;
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE SEQUENCE "ticket_seq";
      ALTER TABLE "Account" ENABLE ALWAYS TRIGGER "Account_audit";
      """;

  static Catalog read(TargetDatabase database) {
    try (CatalogReading reading = CatalogReading.of(database.name())) {
      return reading.read("public");
    }
  }

  static TargetDatabase migrated() {
    return TargetDatabase.create().sql(MIGRATED);
  }

  @Test
  void reads_functions_procedures_triggers_extensions_and_sequences() {
    try (TargetDatabase target = migrated()) {
      Catalog catalog = read(target);

      assertThat(catalog.routines())
          .extracting(routine -> routine.signature().toString(), Routine::procedure)
          .as("btree_gist's own functions are the extension's")
          .containsExactly(
              tuple("public.archive(IN days integer)", true),
              tuple("public.normalize(value text, strict boolean)", false),
              tuple("public.stamp()", false),
              tuple("public.touch()", false));
      assertThat(catalog.routines().get(1).definition())
          .startsWith(
              "CREATE OR REPLACE FUNCTION public.\"normalize\"(value text, strict boolean DEFAULT false)")
          .contains("SELECT lower(\"value\")")
          .doesNotEndWith(";");
      assertThat(catalog.triggers())
          .as("not the foreign key's internal triggers, nor the partition's copy")
          .extracting(Trigger::table, Trigger::name, Trigger::firing)
          .containsExactly(
              tuple(ACCOUNT, "Account_audit", TriggerFiring.DISABLED),
              tuple(ACCOUNT, "Account_touch", TriggerFiring.ENABLED),
              tuple(QualifiedName.of("public", "Reading"), "Reading_stamp", TriggerFiring.ENABLED));
      assertThat(catalog.triggers().get(1).definition())
          .isEqualTo(
              "CREATE TRIGGER \"Account_touch\" BEFORE UPDATE"
                  + " ON public.\"Account\" FOR EACH ROW EXECUTE FUNCTION public.touch()");
      assertThat(catalog.extensions()).extracting(Extension::name).containsExactly("btree_gist");
      assertThat(catalog.sequences())
          .filteredOn(sequence -> sequence.ownedBy().isEmpty())
          .extracting(Sequence::name, Sequence::start, Sequence::increment)
          .containsExactly(tuple(QualifiedName.of("public", "invoice_number_seq"), 1000L, 10L));
      assertThat(catalog.unreadable()).isEmpty();
    }
  }

  @Test
  void an_aggregate_is_reported_unreadable_and_the_rest_still_read() {
    try (TargetDatabase target = migrated()) {
      target.sql(
          "CREATE AGGREGATE \"concat_all\"(TEXT) (SFUNC = textcat, STYPE = TEXT, INITCOND = '');");

      Catalog catalog = read(target);

      assertThat(catalog.unreadable())
          .extracting(UnreadableObject::kind, UnreadableObject::subject)
          .containsExactly(tuple("aggregate", "public.concat_all(text)"));
      assertThat(catalog.unreadable().get(0).reason()).contains("aggregate");
      assertThat(catalog.routines()).hasSize(4);
      assertThat(catalog.table(ACCOUNT)).isPresent();
    }
  }

  @Test
  void routines_triggers_and_unreadable_objects_survive_json_for_the_store() throws Exception {
    try (TargetDatabase target = migrated()) {
      target.sql(
          "CREATE AGGREGATE \"concat_all\"(TEXT) (SFUNC = textcat, STYPE = TEXT, INITCOND = '');");
      Catalog catalog = read(target);
      ObjectMapper json = new ObjectMapper().registerModule(new Jdk8Module());

      Catalog back = json.readValue(json.writeValueAsString(catalog), Catalog.class);

      assertThat(back).isEqualTo(catalog);
      assertThat(back.triggers()).hasSize(3);
      assertThat(back.unreadable()).hasSize(1);
    }
  }

  @Test
  void the_script_rendered_from_the_catalog_rebuilds_functions_and_triggers_with_their_firing() {
    try (TargetDatabase source = migrated();
        TargetDatabase empty = TargetDatabase.create()) {
      Catalog catalog = read(source);

      empty.sql(new CatalogDdl(catalog).script());

      assertThat(read(empty)).isEqualTo(catalog);
    }
  }

  @Test
  void each_kind_of_hand_edit_is_one_drift() {
    try (TargetDatabase live = migrated();
        TargetDatabase replayed = migrated()) {
      live.sql(HAND_EDITS);

      SchemaDrift drift = SchemaDiff.compare(read(replayed), read(live));

      assertThat(drift.drifts())
          .extracting(Drift::kind, item -> item.object().toString(), Drift::member)
          .containsExactly(
              tuple(DriftKind.UNTRACKED_EXTENSION, "public.pg_trgm", null),
              tuple(DriftKind.UNTRACKED_SEQUENCE, "public.ticket_seq", null),
              tuple(
                  DriftKind.CHANGED_FUNCTION, "public.normalize(value text, strict boolean)", null),
              tuple(DriftKind.CHANGED_TRIGGER, "public.Account", "Account_audit"),
              tuple(DriftKind.MISSING_TRIGGER, "public.Account", "Account_touch"));
    }
  }

  @Test
  void the_catch_up_migration_and_the_restore_plan_turn_each_database_into_the_other() {
    try (TargetDatabase live = migrated();
        TargetDatabase replayed = migrated()) {
      live.sql(HAND_EDITS);
      Catalog expected = read(replayed);
      Catalog drifted = read(live);
      SchemaDrift drift = SchemaDiff.compare(expected, drifted);

      replayed.sql(CatchUpMigration.from(drift, Instant.parse("2026-12-01T00:00:00Z")).sql());
      live.sql(RestorePlan.from(drift).sql());

      assertThat(read(replayed)).isEqualTo(drifted);
      assertThat(read(live)).isEqualTo(expected);
    }
  }
}
