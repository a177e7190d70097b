package io.driftwatch.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A migration.sql as {@code prisma migrate dev} writes it, and the hand-edited shapes around it.
 */
class PrismaMigrationTest {

  static final String GENERATED =
      """
      -- CreateEnum
      CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');

      -- CreateTable
      CREATE TABLE "User" (
          "id" SERIAL NOT NULL,
          "email" TEXT NOT NULL,
          "role" "Role" NOT NULL DEFAULT 'USER',
          "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

          CONSTRAINT "User_pkey" PRIMARY KEY ("id")
      );

      -- CreateTable
      CREATE TABLE "Post" (
          "id" SERIAL NOT NULL,
          "title" VARCHAR(255) NOT NULL,
          "authorId" INTEGER NOT NULL,

          CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
      );

      -- CreateIndex
      CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

      -- AddForeignKey
      ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
      """;

  @Test
  void generated_migration_splits_into_its_five_steps() {
    SplitResult result = SqlScript.split(GENERATED);

    assertThat(result.isClean()).isTrue();
    assertThat(result.statements())
        .extracting(SqlStatement::leadingComments)
        .containsExactly(
            List.of("-- CreateEnum"),
            List.of("-- CreateTable"),
            List.of("-- CreateTable"),
            List.of("-- CreateIndex"),
            List.of("-- AddForeignKey"));
    assertThat(result.statements())
        .extracting(SqlStatement::line)
        .containsExactly(2, 5, 15, 24, 27);
    assertThat(result.statements())
        .allSatisfy(
            s -> {
              assertThat(s.column()).isEqualTo(1);
              assertThat(s.unparsed()).isFalse();
              assertThat(GENERATED.substring(s.start(), s.end())).isEqualTo(s.text());
            });
    assertThat(result.statements().get(0).is("CREATE", "TYPE")).isTrue();
    assertThat(result.statements().get(1).text())
        .startsWith("CREATE TABLE \"User\" (")
        .endsWith(")");
    assertThat(result.statements().get(3).keywords()).containsExactly("CREATE", "UNIQUE", "INDEX");
    assertThat(result.statements().get(4).is("ALTER", "TABLE")).isTrue();
  }

  @Test
  void explicit_transaction_script() {
    SplitResult result =
        SqlScript.split(
            """
        BEGIN;
        ALTER TABLE "User" ADD COLUMN "name" TEXT;
        UPDATE "User" SET "name" = 'unknown';
        COMMIT;
        """);
    assertThat(result.statements())
        .extracting(SqlStatement::isTransactionControl)
        .containsExactly(true, false, false, true);
  }

  @Test
  void lone_concurrent_index() {
    SplitResult result =
        SqlScript.split(
            "-- CreateIndex\nCREATE INDEX CONCURRENTLY \"Post_title_idx\" ON \"Post\"(\"title\");\n");
    assertThat(result.statements())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.keywords()).containsExactly("CREATE", "INDEX", "CONCURRENTLY");
              assertThat(s.is("CREATE", "INDEX", "CONCURRENTLY")).isTrue();
              assertThat(s.isTransactionControl()).isFalse();
            });
  }

  @Test
  void enum_value_added_in_its_own_migration() {
    assertThat(Split.texts("-- AlterEnum\nALTER TYPE \"Role\" ADD VALUE 'OWNER';"))
        .containsExactly("ALTER TYPE \"Role\" ADD VALUE 'OWNER'");
  }
}
