package io.driftwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every audit lints the migrations the next deploy will run, weighed by the live database's row
 * estimates: the same statement is an error on a table with rows and nothing on an empty one.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class PendingSafetyTest {

  static final String INIT =
      """
      CREATE TABLE "User" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
      """;
  static final String ADD_REQUIRED_AGE =
      """
      -- AlterTable
      ALTER TABLE "User" ADD COLUMN "age" INTEGER NOT NULL;
      """;
  static final String NEW_TABLES =
      """
      -- CreateTable
      CREATE TABLE "Lead" ("id" SERIAL NOT NULL, "userId" INTEGER NOT NULL, CONSTRAINT "Lead_pkey" PRIMARY KEY ("id"));
      -- CreateIndex
      CREATE INDEX "Lead_userId_idx" ON "Lead"("userId");
      -- AddForeignKey
      ALTER TABLE "Lead" ADD CONSTRAINT "Lead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
      """;

  private TargetDatabase target;
  private PrismaFolder folder;

  @BeforeEach
  void applied() {
    target = TargetDatabase.create().managedByPrisma().deploy("20240101000000_init", INIT);
    folder = PrismaFolder.create().migration("20240101000000_init", INIT);
  }

  @AfterEach
  void cleanUp() {
    folder.close();
    target.close();
  }

  @Test
  void
      a_required_column_without_default_on_a_table_with_rows_is_an_error_before_it_fails_the_deploy() {
    target
        .sql(
            "INSERT INTO \"User\" (\"email\") SELECT 'u' || g || '@example.com' FROM generate_series(1, 500) g")
        .sql("ANALYZE \"User\"");
    folder.migration("20240102000000_add_age", ADD_REQUIRED_AGE);
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("findings.find { it.code == 'MS005' }.severity")).isEqualTo("ERROR");
    assertThat(audit.getString("findings.find { it.code == 'MS005' }.migration"))
        .isEqualTo("20240102000000_add_age");
    assertThat(audit.getString("findings.find { it.code == 'MS005' }.help"))
        .containsIgnoringCase("default");
  }

  @Test
  void the_same_column_on_an_empty_table_is_not_an_error() {
    target.sql("ANALYZE \"User\"");
    folder.migration("20240102000000_add_age", ADD_REQUIRED_AGE);
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getList("findings.findAll { it.code == 'MS005' }.severity", String.class))
        .doesNotContain("ERROR");
  }

  @Test
  void a_pending_migration_that_only_creates_tables_is_safe() {
    folder.migration("20240102000000_leads", NEW_TABLES);
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    List<String> codes = audit.getList("findings.code", String.class);
    assertThat(codes).contains("HI001").noneMatch(code -> code.startsWith("MS"));
  }
}
