package io.driftwatch.core.drift;

import static io.driftwatch.core.drift.DriftFixtures.EXPECTED;
import static io.driftwatch.core.drift.DriftFixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Extension;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Routine;
import io.driftwatch.core.catalog.Sequence;
import io.driftwatch.core.catalog.Trigger;
import io.driftwatch.core.catalog.TriggerFiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Triggers, functions and procedures, extensions and sequences no column owns: compared and
 * rendered both ways.
 */
class SchemaDiffProgrammabilityTest {

  static final Routine TOUCH =
      new Routine(
          QualifiedName.of("public", "touch"),
          "",
          false,
          """
      CREATE OR REPLACE FUNCTION public.touch()
       RETURNS trigger
       LANGUAGE plpgsql
      AS $function$BEGIN NEW."email" := lower(NEW."email"); RETURN NEW; END$function$
      """);
  static final Routine TOUCH_V2 =
      new Routine(
          QualifiedName.of("public", "touch"),
          "",
          false,
          """
      CREATE OR REPLACE FUNCTION public.touch()
       RETURNS trigger
       LANGUAGE plpgsql
      AS $function$BEGIN NEW."email" := upper(NEW."email"); RETURN NEW; END$function$
      """);
  static final Routine ARCHIVE =
      new Routine(
          QualifiedName.of("public", "archive"),
          "days integer",
          true,
          "CREATE OR REPLACE PROCEDURE public.archive(IN days integer)\n LANGUAGE sql\nAS $procedure$SELECT 1$procedure$");
  static final Trigger USER_TOUCH =
      new Trigger(
          USER,
          "User_touch",
          "CREATE TRIGGER \"User_touch\" BEFORE INSERT ON public.\"User\" FOR EACH ROW EXECUTE FUNCTION public.touch()",
          TriggerFiring.ENABLED);
  static final Extension CITEXT = new Extension("citext", "public", "1.6");
  static final Sequence INVOICE =
      new Sequence(
          QualifiedName.of("public", "invoice_number_seq"), "bigint", 1000, 10, Optional.empty());

  static Catalog with(
      List<Extension> extensions,
      List<Sequence> sequences,
      List<Routine> routines,
      List<Trigger> triggers) {
    List<Sequence> all = new ArrayList<>(EXPECTED.sequences());
    all.addAll(sequences);
    return new Catalog(
        EXPECTED.serverMajorVersion(),
        EXPECTED.schemas(),
        EXPECTED.tables(),
        EXPECTED.enums(),
        EXPECTED.views(),
        all,
        extensions,
        routines,
        triggers,
        List.of());
  }

  static Catalog withRoutines(Routine... routines) {
    return with(List.of(), List.of(), List.of(routines), List.of());
  }

  @Test
  void a_dropped_trigger_is_missing_and_restored_after_its_function() {
    Catalog expected = with(List.of(), List.of(), List.of(TOUCH), List.of(USER_TOUCH));
    Catalog live = withRoutines(TOUCH);

    SchemaDrift drift = SchemaDiff.compare(expected, live);

    assertThat(drift.drifts())
        .extracting(Drift::kind, item -> item.object().toString(), Drift::member)
        .containsExactly(tuple(DriftKind.MISSING_TRIGGER, "public.User", "User_touch"));
    assertThat(drift.drifts().get(0).description())
        .isEqualTo(
            "trigger \"User\".\"User_touch\" is created by the migrations but missing from the database");
    assertThat(RestorePlan.from(drift).statements()).containsExactly(USER_TOUCH.definition() + ";");
    assertThat(CatchUpMigration.from(drift, CatchUpMigrationTest.NOW).sql())
        .isEqualTo("-- DropTrigger\nDROP TRIGGER \"User_touch\" ON \"public\".\"User\";\n");
    assertThat(SchemaDiff.compare(live, expected).drifts())
        .extracting(Drift::kind)
        .containsExactly(DriftKind.UNTRACKED_TRIGGER);
  }

  @Test
  void a_disabled_trigger_is_changed_and_enabled_again_by_the_restore() {
    Trigger disabled =
        new Trigger(USER, "User_touch", USER_TOUCH.definition(), TriggerFiring.DISABLED);

    SchemaDrift drift =
        SchemaDiff.compare(
            with(List.of(), List.of(), List.of(TOUCH), List.of(USER_TOUCH)),
            with(List.of(), List.of(), List.of(TOUCH), List.of(disabled)));

    assertThat(drift.drifts())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(DriftKind.CHANGED_TRIGGER);
              assertThat(item.description())
                  .isEqualTo("trigger \"User\".\"User_touch\": fires enabled -> disabled");
              assertThat(item.liveDdl())
                  .isEqualTo("ALTER TABLE \"public\".\"User\" DISABLE TRIGGER \"User_touch\";");
              assertThat(item.restoreSql())
                  .isEqualTo("ALTER TABLE \"public\".\"User\" ENABLE TRIGGER \"User_touch\";");
            });
  }

  @Test
  void a_trigger_with_another_definition_is_dropped_and_created_again() {
    Trigger onUpdate =
        new Trigger(
            USER,
            "User_touch",
            USER_TOUCH.definition().replace("INSERT", "UPDATE"),
            TriggerFiring.REPLICA);

    Drift drift =
        SchemaDiff.compare(
                with(List.of(), List.of(), List.of(TOUCH), List.of(USER_TOUCH)),
                with(List.of(), List.of(), List.of(TOUCH), List.of(onUpdate)))
            .drifts()
            .get(0);

    assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED_TRIGGER);
    assertThat(drift.liveDdl())
        .isEqualTo(
            "DROP TRIGGER \"User_touch\" ON \"public\".\"User\";\n"
                + onUpdate.definition()
                + ";\nALTER TABLE \"public\".\"User\" ENABLE REPLICA TRIGGER \"User_touch\";");
    assertThat(drift.restoreSql())
        .isEqualTo(
            "DROP TRIGGER \"User_touch\" ON \"public\".\"User\";\n"
                + USER_TOUCH.definition()
                + ";");
  }

  @Test
  void a_changed_function_body_is_replaced_either_way() {
    SchemaDrift drift = SchemaDiff.compare(withRoutines(TOUCH), withRoutines(TOUCH_V2));

    assertThat(drift.drifts())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(DriftKind.CHANGED_FUNCTION);
              assertThat(item.object()).isEqualTo(QualifiedName.of("public", "touch()"));
              assertThat(item.description())
                  .isEqualTo("function \"touch\"(): definition differs (body or attributes)");
              assertThat(item.liveDdl())
                  .startsWith("CREATE OR REPLACE FUNCTION public.touch()")
                  .contains("upper(")
                  .endsWith("$function$;");
              assertThat(item.restoreSql()).contains("lower(").endsWith("$function$;");
            });
  }

  @Test
  void functions_and_procedures_on_one_side_are_created_or_dropped_by_their_signature() {
    SchemaDrift drift = SchemaDiff.compare(withRoutines(TOUCH), withRoutines(TOUCH, ARCHIVE));

    assertThat(drift.drifts())
        .extracting(Drift::kind, item -> item.object().toString())
        .containsExactly(tuple(DriftKind.UNTRACKED_FUNCTION, "public.archive(days integer)"));
    assertThat(RestorePlan.from(drift).statements())
        .containsExactly("DROP PROCEDURE \"public\".\"archive\"(days integer);");
    assertThat(
            SchemaDiff.compare(withRoutines(TOUCH, ARCHIVE), withRoutines(TOUCH)).drifts().get(0))
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(DriftKind.MISSING_FUNCTION);
              assertThat(item.restoreSql()).isEqualTo(ARCHIVE.definition() + ";");
            });
  }

  @Test
  void an_extension_only_the_database_has_is_untracked_and_one_of_another_version_changed() {
    Extension newer = new Extension("citext", "public", "1.7");
    Extension trigrams = new Extension("pg_trgm", "extensions", "1.6");

    SchemaDrift drift =
        SchemaDiff.compare(
            with(List.of(CITEXT), List.of(), List.of(), List.of()),
            with(List.of(newer, trigrams), List.of(), List.of(), List.of()));

    assertThat(drift.drifts())
        .extracting(Drift::kind, Drift::description)
        .containsExactly(
            tuple(DriftKind.CHANGED_EXTENSION, "extension \"citext\": version 1.6 -> 1.7"),
            tuple(
                DriftKind.UNTRACKED_EXTENSION,
                "extension \"pg_trgm\" 1.6 is installed in the database but no migration creates it"));
    assertThat(CatchUpMigration.from(drift, CatchUpMigrationTest.NOW).sql())
        .isEqualTo(
            """
        -- CreateSchema
        CREATE SCHEMA IF NOT EXISTS "extensions";

        -- CreateExtension
        CREATE EXTENSION IF NOT EXISTS "pg_trgm" WITH SCHEMA "extensions";

        -- AlterExtension
        ALTER EXTENSION "citext" UPDATE TO '1.7';
        """);
    assertThat(RestorePlan.from(drift).statements())
        .containsExactly(
            "ALTER EXTENSION \"citext\" UPDATE TO '1.6';", "DROP EXTENSION \"pg_trgm\";");
    assertThat(
            SchemaDiff.compare(with(List.of(CITEXT), List.of(), List.of(), List.of()), EXPECTED)
                .drifts())
        .extracting(Drift::kind)
        .containsExactly(DriftKind.MISSING_EXTENSION);
  }

  @Test
  void sequences_no_column_owns_are_compared_and_a_columns_own_is_left_to_the_column() {
    Sequence faster = new Sequence(INVOICE.name(), "integer", 1000, 100, Optional.empty());

    SchemaDrift drift =
        SchemaDiff.compare(
            with(List.of(), List.of(INVOICE), List.of(), List.of()),
            with(List.of(), List.of(faster), List.of(), List.of()));

    assertThat(drift.drifts())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(DriftKind.CHANGED_SEQUENCE);
              assertThat(item.description())
                  .isEqualTo(
                      "sequence \"invoice_number_seq\": type bigint -> integer, increment"
                          + " 10 -> 100");
              assertThat(item.liveDdl())
                  .isEqualTo(
                      "ALTER SEQUENCE \"public\".\"invoice_number_seq\" AS integer INCREMENT BY 100 START WITH 1000;");
              assertThat(item.restoreSql())
                  .isEqualTo(
                      "ALTER SEQUENCE \"public\".\"invoice_number_seq\" AS bigint INCREMENT BY 10 START WITH 1000;");
            });
    SchemaDrift added =
        SchemaDiff.compare(EXPECTED, with(List.of(), List.of(INVOICE), List.of(), List.of()));
    assertThat(added.drifts())
        .extracting(Drift::kind, Drift::liveDdl, Drift::restoreSql)
        .containsExactly(
            tuple(
                DriftKind.UNTRACKED_SEQUENCE,
                "CREATE SEQUENCE \"public\".\"invoice_number_seq\" AS bigint INCREMENT BY 10 START WITH 1000;",
                "DROP SEQUENCE \"public\".\"invoice_number_seq\";"));
    Catalog withoutColumnSequence =
        new Catalog(
            15,
            EXPECTED.schemas(),
            EXPECTED.tables(),
            EXPECTED.enums(),
            EXPECTED.views(),
            List.of(),
            EXPECTED.extensions());
    assertThat(SchemaDiff.compare(EXPECTED, withoutColumnSequence).drifts())
        .as("User_id_seq is the column's")
        .extracting(Drift::kind)
        .doesNotContain(DriftKind.MISSING_SEQUENCE);
  }

  @Test
  void
      scripts_create_extensions_and_sequences_before_tables_functions_before_triggers_and_drop_in_reverse() {
    Catalog full = with(List.of(CITEXT), List.of(INVOICE), List.of(TOUCH), List.of(USER_TOUCH));
    Catalog bare =
        new Catalog(15, List.of("public"), List.of(), List.of(), List.of(), List.of(), List.of());

    String restore = RestorePlan.from(SchemaDiff.compare(full, bare)).sql();
    String catchUp =
        CatchUpMigration.from(SchemaDiff.compare(full, bare), CatchUpMigrationTest.NOW).sql();

    assertThat(restore)
        .containsSubsequence(
            "CREATE EXTENSION IF NOT EXISTS \"citext\"",
            "CREATE SEQUENCE",
            "CREATE TABLE",
            "CREATE OR REPLACE FUNCTION public.touch()",
            "CREATE TRIGGER \"User_touch\"");
    assertThat(catchUp)
        .containsSubsequence(
            "DROP TRIGGER \"User_touch\"",
            "DROP TABLE",
            "DROP FUNCTION \"public\".\"touch\"();",
            "DROP SEQUENCE",
            "DROP EXTENSION \"citext\";");
  }
}
