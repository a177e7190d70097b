package io.driftwatch.core.drift;

import static io.driftwatch.core.drift.DriftFixtures.EXPECTED;
import static io.driftwatch.core.drift.DriftFixtures.POST;
import static io.driftwatch.core.drift.DriftFixtures.ROLE;
import static io.driftwatch.core.drift.DriftFixtures.addColumn;
import static io.driftwatch.core.drift.DriftFixtures.addTable;
import static io.driftwatch.core.drift.DriftFixtures.editTable;
import static io.driftwatch.core.drift.DriftFixtures.withEnums;
import static io.driftwatch.core.drift.DriftFixtures.withForeignKeys;
import static io.driftwatch.core.drift.DriftFixtures.withIndexes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.EnumType;
import io.driftwatch.core.catalog.Partition;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.prisma.ProjectPaths;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatchUpMigrationTest {

  static final Instant NOW = Instant.parse("2025-03-04T05:06:07.890Z");

  /**
   * Hand edits of every sort: an enum value, a pushed table, a column, a dropped index and foreign
   * key.
   */
  static Catalog drifted() {
    Catalog live =
        withEnums(EXPECTED, List.of(new EnumType(ROLE, List.of("USER", "EDITOR", "ADMIN"))));
    live = addTable(live, SchemaDiffTablesTest.AUDIT_LOG_TABLE);
    return editTable(
        live,
        POST,
        table ->
            withForeignKeys(
                withIndexes(
                    addColumn(table, Column.of("views", "integer", true)),
                    table.indexes().stream()
                        .filter(index -> !index.name().equals("Post_authorId_idx"))
                        .toList()),
                List.of()));
  }

  @Test
  void is_named_after_the_utc_second_it_was_made() {
    CatchUpMigration migration =
        CatchUpMigration.from(SchemaDiff.compare(EXPECTED, drifted()), NOW);

    assertThat(migration.name()).isEqualTo("20250304050607_catch_up_drift");
  }

  @Test
  void writes_drops_then_enums_tables_columns_indexes_and_foreign_keys_last() {
    CatchUpMigration migration =
        CatchUpMigration.from(SchemaDiff.compare(EXPECTED, drifted()), NOW);

    assertThat(migration.sql())
        .isEqualTo(
            """
        -- DropForeignKey
        ALTER TABLE "public"."Post" DROP CONSTRAINT "Post_authorId_fkey";

        -- DropIndex
        DROP INDEX "public"."Post_authorId_idx";

        -- AlterEnum
        ALTER TYPE "public"."Role" ADD VALUE 'EDITOR' AFTER 'USER';

        -- CreateTable
        CREATE TABLE "public"."AuditLog" (
            "id" text NOT NULL,
            "userId" integer NOT NULL,

            CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
        );

        -- AlterTable
        ALTER TABLE "public"."Post" ADD COLUMN "views" integer;

        -- CreateIndex
        CREATE INDEX "AuditLog_userId_idx" ON public."AuditLog" USING btree ("userId");

        -- AddForeignKey
        ALTER TABLE "public"."AuditLog" ADD CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId")\
         REFERENCES "public"."User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
        """);
  }

  @Test
  void commands_use_the_source_s_folder_and_schema() {
    CatchUpMigration migration =
        CatchUpMigration.from(
            SchemaDiff.compare(EXPECTED, drifted()),
            NOW,
            new ProjectPaths("packages/prisma/migrations", "packages/prisma/schema/main.prisma"));

    assertThat(migration.commands().get(0))
        .isEqualTo("mkdir -p packages/prisma/migrations/20250304050607_catch_up_drift");
    assertThat(migration.commands().get(1))
        .startsWith(
            "cat > packages/prisma/migrations/20250304050607_catch_up_drift"
                + "/migration.sql <<'DRIFTWATCH_SQL'\n");
    assertThat(migration.commands().get(2))
        .isEqualTo(
            "npx prisma migrate resolve --applied "
                + "20250304050607_catch_up_drift --schema packages/prisma/schema/main.prisma");
  }

  @Test
  void commands_write_the_migration_and_record_it_as_applied_without_running_it() {
    CatchUpMigration migration =
        CatchUpMigration.from(SchemaDiff.compare(EXPECTED, drifted()), NOW);

    assertThat(migration.commands()).hasSize(3);
    assertThat(migration.commands().get(0))
        .isEqualTo("mkdir -p prisma/migrations/20250304050607_catch_up_drift");
    assertThat(migration.commands().get(1))
        .isEqualTo(
            "cat > prisma/migrations/20250304050607_catch_up_drift"
                + "/migration.sql <<'DRIFTWATCH_SQL'\n"
                + migration.sql()
                + "DRIFTWATCH_SQL");
    assertThat(migration.commands().get(2))
        .isEqualTo("npx prisma migrate resolve --applied 20250304050607_catch_up_drift");
  }

  @Test
  void an_enum_value_the_database_lacks_is_dropped_once_after_the_columns_take_their_shape() {
    Catalog expected =
        withEnums(
            EXPECTED, List.of(new EnumType(ROLE, List.of("USER", "EDITOR", "GUEST", "ADMIN"))));
    Catalog live =
        editTable(EXPECTED, POST, table -> addColumn(table, Column.of("views", "integer", true)));

    String sql = CatchUpMigration.from(SchemaDiff.compare(expected, live), NOW).sql();

    assertThat(sql.indexOf("CREATE TYPE \"public\".\"Role_new\""))
        .isEqualTo(sql.lastIndexOf("CREATE TYPE"))
        .isGreaterThan(sql.indexOf("ADD COLUMN \"views\""));
  }

  @Test
  void a_partition_is_created_after_its_parent_whatever_their_names() {
    QualifiedName parent = QualifiedName.of("public", "Zlog");
    QualifiedName partition = QualifiedName.of("public", "Alog_2025");
    List<Column> columns = List.of(Column.of("at", "date", false));
    Table parentTable =
        new Table(
            parent,
            columns,
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Optional.of("RANGE (at)"),
            Optional.empty());
    Table partitionTable =
        new Table(
            partition,
            columns,
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.of(new Partition(parent, "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')")));
    Catalog live = addTable(addTable(EXPECTED, partitionTable), parentTable);

    SchemaDrift drift = SchemaDiff.compare(EXPECTED, live);
    String catchUp = CatchUpMigration.from(drift, NOW).sql();

    assertThat(catchUp.indexOf("CREATE TABLE \"public\".\"Zlog\""))
        .isLessThan(catchUp.indexOf("\"Alog_2025\""));
    assertThat(RestorePlan.from(drift).statements())
        .containsExactly("DROP TABLE \"public\".\"Alog_2025\";", "DROP TABLE \"public\".\"Zlog\";");
  }

  @Test
  void there_is_nothing_to_catch_up_without_drift() {
    assertThatThrownBy(() -> CatchUpMigration.from(SchemaDiff.compare(EXPECTED, EXPECTED), NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nothing to catch up");
  }

  @Test
  void the_same_drift_gives_the_same_migration() {
    CatchUpMigration first = CatchUpMigration.from(SchemaDiff.compare(EXPECTED, drifted()), NOW);
    CatchUpMigration second = CatchUpMigration.from(SchemaDiff.compare(EXPECTED, drifted()), NOW);

    assertThat(second).isEqualTo(first);
  }
}
