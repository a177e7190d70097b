package io.driftwatch.core.drift;

import static io.driftwatch.core.drift.DriftFixtures.EXPECTED;
import static io.driftwatch.core.drift.DriftFixtures.POST;
import static io.driftwatch.core.drift.DriftFixtures.USER;
import static io.driftwatch.core.drift.DriftFixtures.editTable;
import static io.driftwatch.core.drift.DriftFixtures.index;
import static io.driftwatch.core.drift.DriftFixtures.withIndexes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Index;
import io.driftwatch.core.catalog.IndexKey;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.catalog.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaDiffIndexesTest {

  static Table without(Table table, String indexName) {
    return withIndexes(
        table, table.indexes().stream().filter(index -> !index.name().equals(indexName)).toList());
  }

  static Table with(Table table, Index index) {
    List<Index> indexes = new ArrayList<>(without(table, index.name()).indexes());
    indexes.add(index);
    return withIndexes(table, indexes);
  }

  @Test
  void a_dropped_index_is_missing_and_restored_with_create_index() {
    Catalog live = editTable(EXPECTED, POST, table -> without(table, "Post_authorId_idx"));

    SchemaDrift drift = SchemaDiff.compare(EXPECTED, live);

    assertThat(drift.drifts())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(DriftKind.MISSING_INDEX);
              assertThat(item.object()).isEqualTo(POST);
              assertThat(item.member()).isEqualTo("Post_authorId_idx");
              assertThat(item.liveDdl()).isEqualTo("DROP INDEX \"public\".\"Post_authorId_idx\";");
              assertThat(item.restoreSql())
                  .isEqualTo(
                      "CREATE INDEX \"Post_authorId_idx\" ON public.\"Post\" USING btree (\"authorId\");");
            });
  }

  @Test
  void an_index_added_by_hand_is_untracked() {
    Catalog live =
        editTable(
            EXPECTED, POST, table -> with(table, index(POST, "Post_title_idx", false, "title")));

    assertThat(SchemaDiff.compare(EXPECTED, live).drifts())
        .extracting(Drift::kind, Drift::member, Drift::restoreSql)
        .containsExactly(
            tuple(
                DriftKind.UNTRACKED_INDEX,
                "Post_title_idx",
                "DROP INDEX \"public\".\"Post_title_idx\";"));
  }

  @Test
  void a_same_named_index_with_another_definition_is_one_changed_index_rebuilt_both_ways() {
    Catalog live =
        editTable(
            EXPECTED,
            POST,
            table -> with(table, index(POST, "Post_authorId_idx", true, "authorId")));

    SchemaDrift drift = SchemaDiff.compare(EXPECTED, live);

    assertThat(drift.drifts())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(DriftKind.CHANGED_INDEX);
              assertThat(item.description())
                  .isEqualTo(
                      "index \"Post\".\"Post_authorId_idx\":"
                          + " CREATE INDEX \"Post_authorId_idx\" ON public.\"Post\" USING btree (\"authorId\")"
                          + " -> CREATE UNIQUE INDEX \"Post_authorId_idx\" ON public.\"Post\" USING btree (\"authorId\")");
              assertThat(item.restoreSql())
                  .isEqualTo(
                      """
          DROP INDEX "public"."Post_authorId_idx";
          CREATE INDEX "Post_authorId_idx" ON public."Post" USING btree ("authorId");""");
            });
  }

  @Test
  void an_index_left_invalid_is_a_changed_index() {
    Index valid = index(POST, "Post_authorId_idx", false, "authorId");
    Index invalid =
        new Index(
            valid.name(),
            false,
            false,
            false,
            "btree",
            valid.keys(),
            List.of(),
            Optional.empty(),
            valid.definition(),
            false,
            false);
    Catalog live = editTable(EXPECTED, POST, table -> with(table, invalid));

    assertThat(SchemaDiff.compare(EXPECTED, live).drifts())
        .extracting(Drift::kind, Drift::description)
        .containsExactly(
            tuple(
                DriftKind.CHANGED_INDEX,
                "index \"Post\".\"Post_authorId_idx\": invalid in the"
                    + " database (a failed CREATE INDEX CONCURRENTLY left it)"));
  }

  @Test
  void a_unique_constraint_added_by_hand_is_reported_once_as_a_constraint_not_as_its_index() {
    Index backing =
        new Index(
            "User_name_key",
            true,
            false,
            true,
            "btree",
            List.of(IndexKey.column("email")),
            List.of(),
            Optional.empty(),
            "CREATE UNIQUE INDEX \"User_name_key\" ON public.\"User\" USING btree (email)",
            true,
            false);
    Catalog live =
        editTable(
            EXPECTED,
            USER,
            table ->
                new Table(
                    table.name(),
                    table.columns(),
                    table.primaryKey(),
                    List.of(
                        new UniqueConstraint(
                            "User_name_key", List.of("email"), "UNIQUE (email)", false)),
                    table.foreignKeys(),
                    table.checkConstraints(),
                    table.exclusionConstraints(),
                    with(table, backing).indexes(),
                    table.partitionKey(),
                    table.partitionOf()));

    SchemaDrift drift = SchemaDiff.compare(EXPECTED, live);

    assertThat(drift.drifts())
        .extracting(Drift::kind, Drift::member, Drift::liveDdl, Drift::restoreSql)
        .containsExactly(
            tuple(
                DriftKind.UNTRACKED_CONSTRAINT,
                "User_name_key",
                "ALTER TABLE \"public\".\"User\" ADD CONSTRAINT \"User_name_key\" UNIQUE (email);",
                "ALTER TABLE \"public\".\"User\" DROP CONSTRAINT \"User_name_key\";"));
  }

  @Test
  void a_partitions_share_of_its_parents_index_is_left_to_the_parent() {
    Index inherited =
        new Index(
            "Post_p1_title_idx",
            false,
            false,
            false,
            "btree",
            List.of(IndexKey.column("title")),
            List.of(),
            Optional.empty(),
            "CREATE INDEX \"Post_p1_title_idx\" ON public.\"Post_p1\" USING btree (title)",
            true,
            true);
    Catalog live = editTable(EXPECTED, POST, table -> with(table, inherited));

    assertThat(SchemaDiff.compare(EXPECTED, live).isEmpty()).isTrue();
  }
}
