package io.driftwatch.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.dialect.postgres.PostgresSql;
import io.driftwatch.core.effect.ObjectSet;
import io.driftwatch.core.plan.PhantomTriage.Verdict;
import io.driftwatch.core.prisma.ProjectPaths;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhantomTriagerTest {

  static final ObjectSet EXPECTED =
      ObjectSet.of(
          new Catalog(
              16,
              List.of("public"),
              List.of(
                  Table.of(
                      QualifiedName.of("public", "User"),
                      List.of(
                          Column.of("id", "integer", false), Column.of("email", "text", false)))),
              List.of(),
              List.of(),
              List.of(),
              List.of()));

  @Test
  void redundant_when_the_folder_migrations_already_build_everything_it_does() {
    PhantomTriage triage =
        PhantomTriager.triage(
            "20250101_add_email",
            Optional.empty(),
            Optional.of(
                """
        ALTER TABLE "User" ADD COLUMN "email" TEXT NOT NULL;
        """),
            "public",
            Optional.of(EXPECTED),
            List.of("table \"public\".\"Stray\""),
            ProjectPaths.DEFAULT,
            PostgresSql.INSTANCE);

    assertThat(triage.migration()).isEqualTo("20250101_add_email");
    assertThat(triage.verdict()).isEqualTo(Verdict.REDUNDANT);
    assertThat(triage.notInOtherMigrations()).isEmpty();
    assertThat(triage.candidates()).isEmpty();
    assertThat(triage.evidence()).isEqualTo("NONE");
    assertThat(triage.commit()).isEmpty();
    assertThat(triage.location()).isEqualTo("prisma/migrations/20250101_add_email");
  }

  @Test
  void restore_when_its_script_does_something_no_folder_migration_does() {
    PhantomTriage triage =
        PhantomTriager.triage(
            "m",
            Optional.empty(),
            Optional.of(
                """
        CREATE TABLE "User" ("id" INTEGER NOT NULL);
        ALTER TABLE "User" ADD COLUMN "age" INTEGER;
        ALTER TABLE "User" ADD COLUMN "age" INTEGER;
        CREATE INDEX "User_age_idx" ON "User"("age");
        """),
            "public",
            Optional.of(EXPECTED),
            List.of(),
            ProjectPaths.DEFAULT,
            PostgresSql.INSTANCE);

    assertThat(triage.verdict()).isEqualTo(Verdict.RESTORE);
    assertThat(triage.notInOtherMigrations())
        .containsExactly(
            "create column \"public\".\"User\".\"age\"",
            "create index \"public\".\"User_age_idx\"");
  }

  @Test
  void unread_statements_make_it_a_restore() {
    PhantomTriage triage =
        PhantomTriager.triage(
            "m",
            Optional.empty(),
            Optional.of("DO $$ BEGIN PERFORM 1; END $$;"),
            "public",
            Optional.of(EXPECTED),
            List.of(),
            ProjectPaths.DEFAULT,
            PostgresSql.INSTANCE);

    assertThat(triage.verdict()).isEqualTo(Verdict.RESTORE);
    assertThat(triage.notInOtherMigrations()).containsExactly("unread statement");
  }

  @Test
  void restore_without_a_shadow_replay_says_why() {
    PhantomTriage triage =
        PhantomTriager.triage(
            "m",
            Optional.empty(),
            Optional.of("ALTER TABLE \"User\" ADD COLUMN \"email\" TEXT;"),
            "public",
            Optional.empty(),
            List.of(),
            ProjectPaths.DEFAULT,
            PostgresSql.INSTANCE);

    assertThat(triage.verdict()).isEqualTo(Verdict.RESTORE);
    assertThat(triage.notInOtherMigrations())
        .containsExactly("the schema the folder's migrations build is unknown (no shadow replay)");
  }

  @Test
  void script_unknown_lists_the_untracked_objects_as_candidates() {
    List<String> untracked =
        List.of("table \"public\".\"Stray\"", "column \"public\".\"User\".\"legacy\"");

    PhantomTriage triage =
        PhantomTriager.triage(
            "20240101_lost",
            Optional.empty(),
            Optional.empty(),
            "public",
            Optional.of(EXPECTED),
            untracked,
            ProjectPaths.DEFAULT,
            PostgresSql.INSTANCE);

    assertThat(triage.verdict()).isEqualTo(Verdict.SCRIPT_UNKNOWN);
    assertThat(triage.candidates()).containsExactlyElementsOf(untracked);
    assertThat(triage.notInOtherMigrations()).isEmpty();
    assertThat(triage.location()).isEqualTo("prisma/migrations/20240101_lost");
    assertThat(triage.commit()).isEmpty();
  }

  @Test
  void the_script_schema_resolves_unqualified_names() {
    PhantomTriage triage =
        PhantomTriager.triage(
            "m",
            Optional.empty(),
            Optional.of("ALTER TABLE \"User\" ADD COLUMN \"email\" TEXT;"),
            "audit",
            Optional.of(EXPECTED),
            List.of(),
            ProjectPaths.DEFAULT,
            PostgresSql.INSTANCE);

    assertThat(triage.verdict()).isEqualTo(Verdict.RESTORE);
    assertThat(triage.notInOtherMigrations())
        .containsExactly("create column \"audit\".\"User\".\"email\"");
  }
}
