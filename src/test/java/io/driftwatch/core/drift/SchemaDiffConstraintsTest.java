package io.driftwatch.core.drift;

import static io.driftwatch.core.drift.DriftFixtures.EXPECTED;
import static io.driftwatch.core.drift.DriftFixtures.POST;
import static io.driftwatch.core.drift.DriftFixtures.POST_AUTHOR;
import static io.driftwatch.core.drift.DriftFixtures.USER;
import static io.driftwatch.core.drift.DriftFixtures.editTable;
import static io.driftwatch.core.drift.DriftFixtures.foreignKey;
import static io.driftwatch.core.drift.DriftFixtures.withForeignKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.CheckConstraint;
import io.driftwatch.core.catalog.ForeignKey;
import io.driftwatch.core.catalog.ReferentialAction;
import io.driftwatch.core.catalog.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDiffConstraintsTest {

  static final ForeignKey POST_EDITOR = foreignKey("Post_editorId_fkey", "authorId", USER, "id");

  @Test
  void a_foreign_key_added_by_hand_is_untracked_and_comes_with_add_constraint() {
    Catalog live =
        editTable(
            EXPECTED, POST, table -> withForeignKeys(table, List.of(POST_AUTHOR, POST_EDITOR)));

    SchemaDrift drift = SchemaDiff.compare(EXPECTED, live);

    assertThat(drift.drifts())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(DriftKind.UNTRACKED_CONSTRAINT);
              assertThat(item.object()).isEqualTo(POST);
              assertThat(item.member()).isEqualTo("Post_editorId_fkey");
              assertThat(item.description())
                  .isEqualTo(
                      "foreign key \"Post\".\"Post_editorId_fkey\" (FOREIGN KEY"
                          + " (\"authorId\") REFERENCES public.\"User\"(id) ON UPDATE CASCADE ON DELETE RESTRICT) is in the database"
                          + " but no migration creates it");
              assertThat(item.liveDdl())
                  .isEqualTo(
                      "ALTER TABLE \"public\".\"Post\" ADD CONSTRAINT \"Post_editorId_fkey\""
                          + " FOREIGN KEY (\"authorId\") REFERENCES \"public\".\"User\"(\"id\") ON DELETE RESTRICT ON UPDATE CASCADE;");
              assertThat(item.restoreSql())
                  .isEqualTo(
                      "ALTER TABLE \"public\".\"Post\" DROP CONSTRAINT \"Post_editorId_fkey\";");
              assertThat(item.liveSteps())
                  .extracting(Step::phase)
                  .containsExactly(Step.Phase.ADD_FOREIGN_KEY);
            });
  }

  @Test
  void a_dropped_foreign_key_is_missing() {
    Catalog live = editTable(EXPECTED, POST, table -> withForeignKeys(table, List.of()));

    assertThat(SchemaDiff.compare(EXPECTED, live).drifts())
        .extracting(Drift::kind, Drift::member)
        .containsExactly(tuple(DriftKind.MISSING_CONSTRAINT, "Post_authorId_fkey"));
  }

  @Test
  void a_same_named_constraint_with_another_definition_is_one_changed_constraint() {
    ForeignKey cascading =
        new ForeignKey(
            POST_AUTHOR.name(),
            POST_AUTHOR.columns(),
            USER,
            List.of("id"),
            ReferentialAction.CASCADE,
            ReferentialAction.CASCADE,
            "FOREIGN KEY (\"authorId\") REFERENCES public.\"User\"(id) ON UPDATE CASCADE ON DELETE CASCADE",
            false);
    Catalog live = editTable(EXPECTED, POST, table -> withForeignKeys(table, List.of(cascading)));

    SchemaDrift drift = SchemaDiff.compare(EXPECTED, live);

    assertThat(drift.drifts())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(DriftKind.CHANGED_CONSTRAINT);
              assertThat(item.description())
                  .endsWith(
                      "ON DELETE RESTRICT -> FOREIGN KEY (\"authorId\") REFERENCES"
                          + " public.\"User\"(id) ON UPDATE CASCADE ON DELETE CASCADE");
              assertThat(item.restoreSql())
                  .isEqualTo(
                      """
          ALTER TABLE "public"."Post" DROP CONSTRAINT "Post_authorId_fkey";
          ALTER TABLE "public"."Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId")\
           REFERENCES "public"."User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;""");
            });
  }

  @Test
  void a_check_added_by_hand_is_untracked() {
    Catalog live =
        editTable(
            EXPECTED,
            POST,
            table ->
                new Table(
                    table.name(),
                    table.columns(),
                    table.primaryKey(),
                    table.uniqueConstraints(),
                    table.foreignKeys(),
                    List.of(
                        new CheckConstraint(
                            "Post_title_check",
                            List.of("title"),
                            "CHECK ((length(title) > 0))",
                            false)),
                    table.exclusionConstraints(),
                    table.indexes(),
                    table.partitionKey(),
                    table.partitionOf()));

    assertThat(SchemaDiff.compare(EXPECTED, live).drifts())
        .extracting(Drift::kind, Drift::liveDdl)
        .containsExactly(
            tuple(
                DriftKind.UNTRACKED_CONSTRAINT,
                "ALTER TABLE \"public\".\"Post\" ADD CONSTRAINT \"Post_title_check\" CHECK ((length(title) > 0));"));
  }
}
