package io.driftwatch.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.dialect.postgres.PostgresSql;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.StatementEffects;
import io.driftwatch.core.sql.SqlScript;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerificationQueriesTest {

  static List<Effect> effects(String sql) {
    return new StatementEffects("public").of(SqlScript.split(sql).statements());
  }

  @Test
  void nothing_deployed_needs_no_query() {
    assertThat(VerificationQueries.of(PostgresSql.INSTANCE, "public", Map.of())).isEmpty();
  }

  @Test
  void history_is_checked_by_a_count_and_a_failed_row_lookup() {
    Map<String, List<Effect>> deployed = new LinkedHashMap<>();
    deployed.put("20250101_init", List.of());
    deployed.put("20250102_o'brien", List.of());

    List<VerificationQuery> queries = VerificationQueries.of(PostgresSql.INSTANCE, "app", deployed);

    assertThat(queries).hasSize(2);
    assertThat(queries.get(0).checks())
        .isEqualTo("every migration of the deploy is recorded as applied");
    assertThat(queries.get(0).sql())
        .isEqualTo(
            "SELECT count(DISTINCT migration_name) FROM \"app\".\"_prisma_migrations\""
                + " WHERE migration_name IN ('20250101_init', '20250102_o''brien') AND finished_at IS NOT NULL"
                + " AND rolled_back_at IS NULL;");
    assertThat(queries.get(0).expect()).isEqualTo("count = 2");
    assertThat(queries.get(1).sql())
        .isEqualTo(
            "SELECT migration_name FROM \"app\".\"_prisma_migrations\""
                + " WHERE finished_at IS NULL AND rolled_back_at IS NULL;");
    assertThat(queries.get(1).expect()).isEqualTo("no row");
  }

  @Test
  void one_lookup_per_created_object_and_one_count_for_the_columns_of_a_table() {
    Map<String, List<Effect>> deployed = new LinkedHashMap<>();
    deployed.put(
        "m1",
        effects(
            """
        CREATE TYPE "Role" AS ENUM ('USER');
        CREATE TABLE "Post" ("id" TEXT NOT NULL, "title" TEXT, CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));
        CREATE UNIQUE INDEX "Post_title_key" ON "Post"("title");
        ALTER TABLE "User" ADD COLUMN "age" INTEGER;
        """));

    List<VerificationQuery> queries =
        VerificationQueries.of(PostgresSql.INSTANCE, "public", deployed)
            .subList(2, VerificationQueries.of(PostgresSql.INSTANCE, "public", deployed).size());

    assertThat(queries)
        .extracting(VerificationQuery::checks)
        .containsExactly(
            "m1: enum \"public\".\"Role\"",
            "m1: table \"public\".\"Post\"",
            "m1: constraint \"public\".\"Post\".\"Post_pkey\"",
            "m1: index \"public\".\"Post_title_key\"",
            "m1: 2 column(s) of \"public\".\"Post\"",
            "m1: 1 column(s) of \"public\".\"User\"");
    assertThat(queries)
        .extracting(VerificationQuery::expect)
        .containsExactly("1 row", "1 row", "1 row", "1 row", "count = 2", "count = 1");
    assertThat(queries.get(1).sql())
        .isEqualTo(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'Post';");
    assertThat(queries.get(2).sql())
        .isEqualTo(
            "SELECT 1 FROM information_schema.table_constraints WHERE"
                + " table_schema = 'public' AND table_name = 'Post' AND constraint_name = 'Post_pkey';");
    assertThat(queries.get(3).sql())
        .isEqualTo(
            "SELECT 1 FROM pg_catalog.pg_indexes WHERE schemaname = 'public' AND indexname = 'Post_title_key';");
    assertThat(queries.get(4).sql())
        .isEqualTo(
            "SELECT count(*) FROM information_schema.columns WHERE"
                + " table_schema = 'public' AND table_name = 'Post' AND column_name IN ('id', 'title');");
  }

  @Test
  void dropped_objects_must_return_no_row() {
    Map<String, List<Effect>> deployed =
        Map.of(
            "m2",
            effects(
                """
        DROP TABLE "Old";
        ALTER TABLE "User" DROP COLUMN "legacy";
        """));

    List<VerificationQuery> queries =
        VerificationQueries.of(PostgresSql.INSTANCE, "public", deployed);

    assertThat(queries).hasSize(4);
    assertThat(queries.get(2).checks()).isEqualTo("m2: dropped table \"public\".\"Old\"");
    assertThat(queries.get(2).expect()).isEqualTo("no row");
    assertThat(queries.get(3).checks())
        .isEqualTo("m2: dropped column \"public\".\"User\".\"legacy\"");
    assertThat(queries.get(3).sql())
        .isEqualTo(
            "SELECT 1 FROM information_schema.columns WHERE"
                + " table_schema = 'public' AND table_name = 'User' AND column_name = 'legacy';");
    assertThat(queries.get(3).expect()).isEqualTo("no row");
  }

  @Test
  void renamed_objects_are_looked_up_by_their_new_name_and_row_writes_are_not_checked() {
    Map<String, List<Effect>> deployed =
        Map.of(
            "m3",
            effects(
                """
        ALTER TYPE "Role" ADD VALUE 'ADMIN';
        ALTER TABLE "User" RENAME COLUMN "name" TO "fullName";
        INSERT INTO "User" ("id") VALUES (1);
        ALTER TABLE "User" ALTER COLUMN "age" SET NOT NULL;
        CREATE EXTENSION IF NOT EXISTS "pgcrypto";
        """));

    List<VerificationQuery> queries =
        VerificationQueries.of(PostgresSql.INSTANCE, "public", deployed);

    assertThat(queries).hasSize(5);
    assertThat(queries.get(2).sql())
        .isEqualTo(
            "SELECT 1 FROM pg_catalog.pg_enum e JOIN pg_catalog.pg_type t"
                + " ON t.oid = e.enumtypid JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE"
                + " n.nspname = 'public' AND t.typname = 'Role' AND e.enumlabel = 'ADMIN';");
    assertThat(queries.get(3).sql())
        .isEqualTo("SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pgcrypto';");
    assertThat(queries.get(4).checks()).isEqualTo("m3: 1 column(s) of \"public\".\"User\"");
    assertThat(queries.get(4).sql()).endsWith("AND column_name IN ('fullName');");
  }
}
