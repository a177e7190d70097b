package io.driftwatch.core.drift;

import static io.driftwatch.core.drift.DriftFixtures.EXPECTED;
import static io.driftwatch.core.drift.DriftFixtures.POST;
import static io.driftwatch.core.drift.DriftFixtures.addColumn;
import static io.driftwatch.core.drift.DriftFixtures.editTable;
import static io.driftwatch.core.drift.DriftFixtures.replaceColumn;
import static io.driftwatch.core.drift.DriftFixtures.withColumns;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.Identity;
import org.junit.jupiter.api.Test;

class SchemaDiffColumnsTest {

  @Test
  void a_column_added_by_hand_is_untracked() {
    Catalog live =
        editTable(EXPECTED, POST, table -> addColumn(table, Column.of("views", "integer", true)));

    SchemaDrift drift = SchemaDiff.compare(EXPECTED, live);

    assertThat(drift.drifts())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(DriftKind.UNTRACKED_COLUMN);
              assertThat(item.object()).isEqualTo(POST);
              assertThat(item.member()).isEqualTo("views");
              assertThat(item.description())
                  .isEqualTo(
                      "column \"Post\".\"views\" is in the database but no migration adds it");
              assertThat(item.liveDdl())
                  .isEqualTo("ALTER TABLE \"public\".\"Post\" ADD COLUMN \"views\" integer;");
              assertThat(item.restoreSql())
                  .isEqualTo("ALTER TABLE \"public\".\"Post\" DROP COLUMN \"views\";");
            });
  }

  @Test
  void a_column_dropped_by_hand_is_missing() {
    Catalog live =
        editTable(
            EXPECTED,
            POST,
            table ->
                withColumns(
                    table,
                    table.columns().stream()
                        .filter(column -> !column.name().equals("title"))
                        .toList()));

    SchemaDrift drift = SchemaDiff.compare(EXPECTED, live);

    assertThat(drift.drifts())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(DriftKind.MISSING_COLUMN);
              assertThat(item.member()).isEqualTo("title");
              assertThat(item.liveDdl())
                  .isEqualTo("ALTER TABLE \"public\".\"Post\" DROP COLUMN \"title\";");
              assertThat(item.restoreSql())
                  .isEqualTo("ALTER TABLE \"public\".\"Post\" ADD COLUMN \"title\" text;");
            });
  }

  @Test
  void a_changed_type_nullability_and_default_are_one_changed_column_listing_each() {
    Catalog live =
        editTable(
            EXPECTED,
            POST,
            table ->
                replaceColumn(
                    table,
                    Column.of("title", "character varying(200)", false).withDefault("'x'::text")));

    SchemaDrift drift = SchemaDiff.compare(EXPECTED, live);

    assertThat(drift.drifts())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(DriftKind.CHANGED_COLUMN);
              assertThat(item.member()).isEqualTo("title");
              assertThat(item.description())
                  .isEqualTo(
                      "column \"Post\".\"title\": type text -> character varying(200),"
                          + " nullable -> not null, default none -> 'x'::text");
              assertThat(item.liveDdl())
                  .isEqualTo(
                      "ALTER TABLE \"public\".\"Post\""
                          + " ALTER COLUMN \"title\" SET DATA TYPE character varying(200) USING \"title\"::character varying(200),"
                          + " ALTER COLUMN \"title\" SET NOT NULL, ALTER COLUMN \"title\" SET DEFAULT 'x'::text;");
              assertThat(item.restoreSql())
                  .isEqualTo(
                      "ALTER TABLE \"public\".\"Post\""
                          + " ALTER COLUMN \"title\" DROP DEFAULT,"
                          + " ALTER COLUMN \"title\" SET DATA TYPE text USING \"title\"::text,"
                          + " ALTER COLUMN \"title\" DROP NOT NULL;");
            });
  }

  @Test
  void identity_and_generation_are_column_changes_too() {
    Catalog expected =
        editTable(EXPECTED, POST, table -> addColumn(table, Column.of("seq", "bigint", false)));
    Catalog live =
        editTable(
            EXPECTED,
            POST,
            table ->
                addColumn(
                    table, Column.of("seq", "bigint", false).withIdentity(Identity.BY_DEFAULT)));

    SchemaDrift drift = SchemaDiff.compare(expected, live);

    assertThat(drift.drifts())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.description())
                  .isEqualTo("column \"Post\".\"seq\": identity none -> BY DEFAULT");
              assertThat(item.liveDdl())
                  .isEqualTo(
                      "ALTER TABLE \"public\".\"Post\""
                          + " ALTER COLUMN \"seq\" ADD GENERATED BY DEFAULT AS IDENTITY;");
              assertThat(item.restoreSql())
                  .isEqualTo("ALTER TABLE \"public\".\"Post\" ALTER COLUMN \"seq\" DROP IDENTITY;");
            });
  }
}
