package io.driftwatch.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogFilterTest {

  static QualifiedName name(String schema, String name) {
    return QualifiedName.of(schema, name);
  }

  @Test
  void globs_match_schema_and_name_with_star_and_question_mark() {
    CatalogFilter filter = CatalogFilter.of(List.of("public.audit_*", "*.tmp_?", "scratch_*"));

    assertThat(filter.test(name("public", "audit_log"))).isTrue();
    assertThat(filter.test(name("public", "audit_"))).isTrue();
    assertThat(filter.test(name("billing", "audit_log"))).as("another schema").isFalse();
    assertThat(filter.test(name("billing", "tmp_1"))).isTrue();
    assertThat(filter.test(name("billing", "tmp_12"))).as("? is one character").isFalse();
    assertThat(filter.test(name("anything", "scratch_users"))).as("no dot: any schema").isTrue();
    assertThat(filter.test(name("public", "Audit_log"))).as("case-sensitive").isFalse();
    assertThat(filter.test(name("public", "User"))).isFalse();
  }

  @Test
  void globs_leave_out_routines_triggers_and_unreadable_objects_of_what_they_match() {
    QualifiedName booking = name("public", "Booking");
    Routine touch =
        new Routine(
            name("public", "tmp_touch"),
            "",
            false,
            "CREATE OR REPLACE FUNCTION public.tmp_touch()");
    Routine keep =
        new Routine(
            name("public", "touch"), "", false, "CREATE OR REPLACE FUNCTION public.touch()");
    Trigger onBooking =
        new Trigger(booking, "Booking_touch", "CREATE TRIGGER ...", TriggerFiring.ENABLED);
    Trigger named =
        new Trigger(
            name("public", "User"), "tmp_audit", "CREATE TRIGGER ...", TriggerFiring.ENABLED);
    UnreadableObject odd = new UnreadableObject("constraint", booking, "Booking_no_overlap", "odd");
    Catalog catalog =
        new Catalog(
            15,
            List.of("public"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(touch, keep),
            List.of(onBooking, named),
            List.of(odd));

    Catalog filtered = CatalogFilter.of(List.of("public.Booking", "*.tmp_*")).apply(catalog);

    assertThat(filtered.routines()).containsExactly(keep);
    assertThat(filtered.triggers()).isEmpty();
    assertThat(filtered.unreadable()).isEmpty();
    assertThat(CatalogFilter.of(List.of("public.Other")).apply(catalog)).isEqualTo(catalog);
  }

  @Test
  void glob_characters_other_than_star_and_question_mark_are_literal() {
    CatalogFilter filter = CatalogFilter.of(List.of("public.a.b+(c)[d]$"));

    assertThat(filter.test(name("public", "a.b+(c)[d]$")))
        .as("the schema ends at the first dot")
        .isTrue();
    assertThat(filter.test(name("public", "aXb+(c)[d]$"))).isFalse();
  }

  @Test
  void globs_match_as_their_regular_expressions_did_on_random_names() {
    Random random = new Random(7);
    String alphabet = "ab*?😀";
    for (int n = 0; n < 20_000; n++) {
      String glob = "s." + randomText(random, alphabet, 6);
      String table = randomText(random, "ab😀", 8);
      if (glob.endsWith(".")) {
        continue;
      }
      String regex =
          glob.substring(2)
              .codePoints()
              .mapToObj(
                  c -> c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(Character.toString(c)))
              .collect(Collectors.joining());
      boolean expected = Pattern.compile(regex, Pattern.DOTALL).matcher(table).matches();
      assertThat(CatalogFilter.of(List.of(glob)).test(name("s", table)))
          .as("%s against %s", glob, table)
          .isEqualTo(expected);
    }
  }

  @Test
  void a_glob_of_many_stars_is_matched_without_backtracking_over_them() {
    // As a regular expression (.*a.*a...), seven stars took 37 s on this name; twenty would never
    // end.
    CatalogFilter filter = CatalogFilter.of(List.of("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b"));

    assertThat(filter.test(name("public", "a".repeat(63)))).isFalse();
    assertThat(filter.test(name("public", "a".repeat(62) + "b"))).isTrue();
  }

  private static String randomText(Random random, String alphabet, int maxLength) {
    int[] letters = alphabet.codePoints().toArray();
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
      text.appendCodePoint(letters[random.nextInt(letters.length)]);
    }
    return text.toString();
  }

  @Test
  void prisma_migrations_is_always_ignored() {
    assertThat(CatalogFilter.prismaOnly().test(name("public", "_prisma_migrations"))).isTrue();
    assertThat(CatalogFilter.of(List.of("x")).test(name("tenant_1", "_prisma_migrations")))
        .isTrue();
    assertThat(CatalogFilter.prismaOnly().test(name("public", "_prisma_migrations_old"))).isFalse();
  }

  @Test
  void malformed_globs_are_refused_with_the_fix() {
    assertThatThrownBy(() -> CatalogFilter.of(List.of(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("write schema.name or name");
    assertThatThrownBy(() -> CatalogFilter.of(List.of("public.")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty schema or name");
    assertThatThrownBy(() -> CatalogFilter.of(List.of(" public.x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("remove it");
  }

  @Test
  void filtering_a_catalog_drops_tables_views_enums_sequences_and_indexes_it_matches() {
    Table kept =
        new Table(
            name("public", "User"),
            List.of(Column.of("id", "integer", false)),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(index("User_pkey"), index("tmp_x")),
            Optional.empty(),
            Optional.empty());
    Table audit = Table.of(name("public", "audit_log"), List.of(Column.of("id", "integer", false)));
    Sequence ownedByAudit =
        new Sequence(
            name("public", "audit_log_seq_renamed"),
            "integer",
            1,
            1,
            Optional.of(new ColumnRef(audit.name(), "id")));
    Sequence free =
        new Sequence(name("public", "invoice_number"), "bigint", 1, 1, Optional.empty());
    Catalog catalog =
        new Catalog(
            15,
            List.of("public"),
            List.of(kept, audit, Table.of(name("public", "_prisma_migrations"), List.of())),
            List.of(
                new EnumType(name("public", "tmp_e"), List.of("A")),
                new EnumType(name("public", "Role"), List.of("A"))),
            List.of(new View(name("public", "audit_view"), false, "SELECT 1", List.of())),
            List.of(ownedByAudit, free),
            List.of(new Extension("citext", "public", "1.6")));

    Catalog filtered = CatalogFilter.of(List.of("public.audit_*", "*.tmp_*")).apply(catalog);

    assertThat(filtered.tables()).extracting(Table::name).containsExactly(name("public", "User"));
    assertThat(filtered.tables().get(0).indexes())
        .extracting(Index::name)
        .containsExactly("User_pkey");
    assertThat(filtered.enums()).extracting(EnumType::name).containsExactly(name("public", "Role"));
    assertThat(filtered.views()).isEmpty();
    assertThat(filtered.sequences())
        .as("a left-out table's sequence goes with it")
        .containsExactly(free);
    assertThat(filtered.extensions()).isEqualTo(catalog.extensions());
    assertThat(CatalogFilter.of(List.of()).apply(filtered)).isEqualTo(filtered);
  }

  @Test
  void an_extension_a_managed_database_installs_is_left_out_by_its_name() {
    Catalog catalog =
        new Catalog(
            15,
            List.of("public"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new Extension("citext", "public", "1.6"),
                new Extension("pg_stat_statements", "public", "1.10")));

    assertThat(CatalogFilter.of(List.of("pg_stat_*")).apply(catalog).extensions())
        .containsExactly(new Extension("citext", "public", "1.6"));
    assertThat(CatalogFilter.of(List.of("public.pg_stat_statements")).apply(catalog).extensions())
        .extracting(Extension::name)
        .containsExactly("citext");
  }

  static Index index(String name) {
    return new Index(
        name,
        false,
        false,
        false,
        "btree",
        List.of(IndexKey.column("id")),
        List.of(),
        Optional.empty(),
        "CREATE INDEX " + name,
        true,
        false);
  }
}
