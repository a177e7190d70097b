package io.driftwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Audits of a database whose migrations create an exclusion constraint on an expression, a function
 * and a trigger: the read judges everything, and a dropped trigger, a changed function, a new
 * extension and a new sequence are each reported with their own code.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class CatalogObjectsDriftTest {

  static final String INIT =
      """
      -- CreateExtension
      CREATE EXTENSION IF NOT EXISTS "btree_gist";

      -- CreateTable
      CREATE TABLE "Booking" (
          "id" TEXT NOT NULL,
          "room" TEXT NOT NULL,
          "startTime" TIMESTAMP(3) NOT NULL,
          "endTime" TIMESTAMP(3) NOT NULL,
          "updatedAt" TIMESTAMP(3),
          CONSTRAINT "Booking_pkey" PRIMARY KEY ("id")
      );
      """;

  static final String NO_OVERLAP =
      """
      ALTER TABLE "Booking" ADD CONSTRAINT "Booking_no_overlap"
        EXCLUDE USING gist ("room" WITH =, tsrange("startTime", "endTime") WITH &&);

      CREATE FUNCTION "touch"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW."updatedAt" := now(); RETURN NEW; END $$;

      CREATE TRIGGER "Booking_touch" BEFORE UPDATE ON "Booking" FOR EACH ROW EXECUTE FUNCTION "touch"();
      """;

  private TargetDatabase target;
  private PrismaFolder folder;

  @BeforeEach
  void migrated() {
    target = TargetDatabase.create().managedByPrisma();
    folder =
        PrismaFolder.create()
            .migration("20240101000000_init", INIT)
            .migration("20240102000000_no_overlap", NO_OVERLAP);
    target.deploy("20240101000000_init", INIT).deploy("20240102000000_no_overlap", NO_OVERLAP);
  }

  @AfterEach
  void cleanUp() {
    folder.close();
    target.close();
  }

  @Test
  void an_exclusion_constraint_on_an_expression_is_read_and_judged_like_the_rest() {
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("drift.status")).isEqualTo("CHECKED");
    assertThat(audit.getInt("drift.count")).isZero();
    assertThat(audit.getList("findings.code", String.class))
        .noneMatch(code -> code.startsWith("SD"));
  }

  @Test
  void a_dropped_trigger_a_changed_function_a_new_extension_and_a_new_sequence_are_each_reported() {
    target
        .sql("DROP TRIGGER \"Booking_touch\" ON \"Booking\"")
        .sql(
            "CREATE OR REPLACE FUNCTION \"touch\"() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                + "BEGIN NEW.\"updatedAt\" := clock_timestamp(); RETURN NEW; END $$")
        .sql("CREATE EXTENSION IF NOT EXISTS \"pg_trgm\"")
        .sql("CREATE SEQUENCE \"ticket_seq\"")
        .sql(
            "ALTER TABLE \"Booking\" ADD CONSTRAINT \"Booking_hours\""
                + " EXCLUDE USING gist (tsrange(\"startTime\", \"endTime\") WITH &&) WHERE (\"room\" = 'hall')");

    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getList("drift.items.kind", String.class))
        .containsExactlyInAnyOrder(
            "UNTRACKED_EXTENSION",
            "UNTRACKED_SEQUENCE",
            "UNTRACKED_CONSTRAINT",
            "CHANGED_FUNCTION",
            "MISSING_TRIGGER");
    assertThat(audit.getString("drift.items.find { it.kind == 'MISSING_TRIGGER' }.restoreSql"))
        .isEqualTo(
            "CREATE TRIGGER \"Booking_touch\" BEFORE UPDATE ON public.\"Booking\" FOR EACH ROW EXECUTE"
                + " FUNCTION public.touch();");
    assertThat(audit.getString("drift.items.find { it.kind == 'CHANGED_FUNCTION' }.liveDdl"))
        .startsWith("CREATE OR REPLACE FUNCTION public.touch()")
        .contains("clock_timestamp()");
    assertThat(audit.getString("drift.items.find { it.kind == 'UNTRACKED_SEQUENCE' }.restoreSql"))
        .isEqualTo("DROP SEQUENCE \"public\".\"ticket_seq\";");
    assertThat(audit.getString("drift.catchUp.sql"))
        .contains("CREATE EXTENSION IF NOT EXISTS \"pg_trgm\"")
        .contains("DROP TRIGGER \"Booking_touch\"")
        .contains("CREATE SEQUENCE \"public\".\"ticket_seq\"")
        .contains("EXCLUDE USING gist (tsrange(\"startTime\", \"endTime\") WITH &&)");
    assertThat(audit.getList("findings.code", String.class))
        .contains("SD005", "SD027", "SD031", "SD032", "SD035");
    assertThat(audit.getString("findings.find { it.code == 'SD032' }.severity")).isEqualTo("INFO");
    assertThat(audit.getString("findings.find { it.code == 'SD027' }.help"))
        .contains("CREATE TRIGGER \"Booking_touch\"")
        .contains("npx prisma migrate resolve --applied");
  }

  @Test
  void an_object_the_reader_cannot_model_is_a_finding_and_the_rest_is_still_judged() {
    target
        .sql("CREATE AGGREGATE \"concat_all\"(TEXT) (SFUNC = textcat, STYPE = TEXT, INITCOND = '')")
        .sql("DROP TRIGGER \"Booking_touch\" ON \"Booking\"");

    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("findings.find { it.code == 'SD025' }.subject"))
        .isEqualTo("public.concat_all(text)");
    assertThat(audit.getString("findings.find { it.code == 'SD025' }.severity"))
        .isEqualTo("WARNING");
    assertThat(audit.getList("drift.items.kind", String.class)).containsExactly("MISSING_TRIGGER");
  }

  /**
   * CREATE OR REPLACE FUNCTION touches pg_proc only, DISABLE TRIGGER pg_trigger only: the kept
   * catalog is read again.
   */
  @Test
  void
      a_function_or_trigger_change_between_two_audits_is_seen_though_the_catalog_is_kept_between_them() {
    String environment = Environments.register(target, folder);
    assertThat(Environments.audit(environment).getInt("drift.count")).isZero();

    target.sql(
        "CREATE OR REPLACE FUNCTION \"touch\"() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            + "BEGIN RETURN NEW; END $$");
    assertThat(Environments.audit(environment).getList("drift.items.kind", String.class))
        .containsExactly("CHANGED_FUNCTION");
    target.sql("ALTER TABLE \"Booking\" DISABLE TRIGGER \"Booking_touch\"");
    assertThat(Environments.audit(environment).getList("drift.items.kind", String.class))
        .containsExactlyInAnyOrder("CHANGED_FUNCTION", "CHANGED_TRIGGER");
    assertThat(
            Environments.audit(environment)
                .getString("drift.items.find { it.kind == 'CHANGED_TRIGGER' }" + ".restoreSql"))
        .isEqualTo("ALTER TABLE \"public\".\"Booking\" ENABLE TRIGGER \"Booking_touch\";");
  }

  @Test
  void a_schema_in_which_a_migration_creates_only_a_function_is_compared() {
    String util =
        """
        CREATE SCHEMA IF NOT EXISTS "util";
        CREATE FUNCTION "util"."slug"("value" TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$ SELECT lower("value") $$;
        """;
    folder.migration("20240103000000_util", util);
    target
        .deploy("20240103000000_util", util)
        .sql(
            "CREATE OR REPLACE FUNCTION \"util\".\"slug\"(\"value\" TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE"
                + " AS $$ SELECT upper(\"value\") $$");

    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getList("drift.items.object", String.class))
        .containsExactly("util.slug(value text)");
    assertThat(audit.getList("drift.items.kind", String.class)).containsExactly("CHANGED_FUNCTION");
  }
}
