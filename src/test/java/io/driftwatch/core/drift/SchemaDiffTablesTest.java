package io.driftwatch.core.drift;

import static io.driftwatch.core.drift.DriftFixtures.EXPECTED;
import static io.driftwatch.core.drift.DriftFixtures.POST;
import static io.driftwatch.core.drift.DriftFixtures.POST_TABLE;
import static io.driftwatch.core.drift.DriftFixtures.USER;
import static io.driftwatch.core.drift.DriftFixtures.addTable;
import static io.driftwatch.core.drift.DriftFixtures.foreignKey;
import static io.driftwatch.core.drift.DriftFixtures.index;
import static io.driftwatch.core.drift.DriftFixtures.primaryKey;
import static io.driftwatch.core.drift.DriftFixtures.primaryKeyIndex;
import static io.driftwatch.core.drift.DriftFixtures.removeTable;
import static io.driftwatch.core.drift.DriftFixtures.withSchemas;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaDiffTablesTest {

  static final QualifiedName AUDIT_LOG = QualifiedName.of("public", "AuditLog");

  /** What {@code db push} leaves: a table with its key, an index and a foreign key. */
  static final Table AUDIT_LOG_TABLE =
      new Table(
          AUDIT_LOG,
          List.of(Column.of("id", "text", false), Column.of("userId", "integer", false)),
          primaryKey(AUDIT_LOG, "id"),
          List.of(),
          List.of(foreignKey("AuditLog_userId_fkey", "userId", USER, "id")),
          List.of(),
          List.of(),
          List.of(
              index(AUDIT_LOG, "AuditLog_userId_idx", false, "userId"),
              primaryKeyIndex(AUDIT_LOG, "id")),
          Optional.empty(),
          Optional.empty());

  @Test
  void identical_catalogs_have_no_drift() {
    SchemaDrift drift = SchemaDiff.compare(EXPECTED, EXPECTED);

    assertThat(drift.isEmpty()).isTrue();
    assertThat(drift.counts()).isEmpty();
  }

  @Test
  void a_pushed_table_is_one_untracked_table_not_its_columns_indexes_or_keys() {
    SchemaDrift drift = SchemaDiff.compare(EXPECTED, addTable(EXPECTED, AUDIT_LOG_TABLE));

    assertThat(drift.drifts())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(DriftKind.UNTRACKED_TABLE);
              assertThat(item.object()).isEqualTo(AUDIT_LOG);
              assertThat(item.member()).isNull();
              assertThat(item.description())
                  .isEqualTo("table \"AuditLog\" is in the database but no migration creates it");
              assertThat(item.liveDdl())
                  .isEqualTo(
                      """
          CREATE TABLE "public"."AuditLog" (
              "id" text NOT NULL,
              "userId" integer NOT NULL,

              CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
          );
          CREATE INDEX "AuditLog_userId_idx" ON public."AuditLog" USING btree ("userId");
          ALTER TABLE "public"."AuditLog" ADD CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId")\
           REFERENCES "public"."User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;""");
              assertThat(item.restoreSql())
                  .isEqualTo(
                      """
          ALTER TABLE "public"."AuditLog" DROP CONSTRAINT "AuditLog_userId_fkey";
          DROP TABLE "public"."AuditLog";""");
            });
    assertThat(drift.count(DriftKind.UNTRACKED_TABLE)).isEqualTo(1);
  }

  @Test
  void a_dropped_table_is_one_missing_table_restored_with_everything_it_declares() {
    SchemaDrift drift = SchemaDiff.compare(EXPECTED, removeTable(EXPECTED, POST));

    assertThat(drift.drifts())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(DriftKind.MISSING_TABLE);
              assertThat(item.object()).isEqualTo(POST);
              assertThat(item.liveDdl())
                  .isEqualTo(
                      """
          ALTER TABLE "public"."Post" DROP CONSTRAINT "Post_authorId_fkey";
          DROP TABLE "public"."Post";""");
              assertThat(item.restoreSql())
                  .startsWith("CREATE TABLE \"public\".\"Post\" (")
                  .contains("CREATE INDEX \"Post_authorId_idx\"")
                  .endsWith(
                      "ADD CONSTRAINT \"Post_authorId_fkey\" FOREIGN KEY (\"authorId\") REFERENCES \"public\".\"User\""
                          + "(\"id\") ON DELETE RESTRICT ON UPDATE CASCADE;");
            });
  }

  @Test
  void a_table_in_a_second_schema_is_named_with_its_schema_and_creates_the_schema() {
    QualifiedName event = QualifiedName.of("audit", "Event");
    Table eventTable = Table.of(event, List.of(Column.of("id", "bigint", false)));
    Catalog live = withSchemas(addTable(EXPECTED, eventTable), List.of("audit", "public"));

    SchemaDrift drift = SchemaDiff.compare(EXPECTED, live);

    assertThat(drift.drifts())
        .extracting(Drift::kind, Drift::object)
        .containsExactly(tuple(DriftKind.UNTRACKED_TABLE, event));
    Drift item = drift.drifts().get(0);
    assertThat(item.description())
        .isEqualTo("table \"audit\".\"Event\" is in the database but no migration" + " creates it");
    assertThat(item.liveDdl())
        .startsWith("CREATE SCHEMA IF NOT EXISTS \"audit\";\nCREATE TABLE \"audit\".\"Event\"");
    assertThat(item.restoreSql()).isEqualTo("DROP TABLE \"audit\".\"Event\";");
  }

  @Test
  void a_same_named_table_in_another_schema_is_another_table() {
    Table otherPost = Table.of(QualifiedName.of("archive", "Post"), POST_TABLE.columns());
    Catalog expected = withSchemas(addTable(EXPECTED, otherPost), List.of("archive", "public"));

    SchemaDrift drift =
        SchemaDiff.compare(expected, withSchemas(EXPECTED, List.of("archive", "public")));

    assertThat(drift.drifts())
        .extracting(Drift::kind, Drift::object)
        .containsExactly(tuple(DriftKind.MISSING_TABLE, QualifiedName.of("archive", "Post")));
  }

  @Test
  void a_wide_table_reports_each_member_the_database_lacks_once() {
    Catalog expected = WideCatalog.of(2_000, 1);
    Catalog live = WideCatalog.of(2_000, 2); // every odd column, check and index is gone

    SchemaDrift drift = SchemaDiff.compare(expected, live);

    assertThat(drift.drifts())
        .hasSize(3_000)
        .extracting(Drift::kind)
        .containsOnly(
            DriftKind.MISSING_COLUMN, DriftKind.MISSING_CONSTRAINT, DriftKind.MISSING_INDEX);
    assertThat(drift.drifts())
        .filteredOn(item -> item.kind() == DriftKind.MISSING_COLUMN)
        .extracting(Drift::member)
        .hasSize(1_000)
        .allMatch(member -> Integer.parseInt(member.substring(1)) % 2 == 1)
        .doesNotHaveDuplicates();
  }
}
