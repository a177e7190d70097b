package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.prisma.ProjectPaths;
import org.junit.jupiter.api.Test;

class PhantomMigrationRuleTest {

  private final PhantomMigrationRule rule = new PhantomMigrationRule();

  @Test
  void phantom_ok_every_row_has_a_directory() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").deployed("a"))).isEmpty();
  }

  @Test
  void phantom_err_applied_but_not_in_folder() {
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create()
                    .migration("a")
                    .deployed("a")
                    .deployed("20251113220938_add_customer_slug")))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.migration()).isEqualTo("20251113220938_add_customer_slug");
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.message()).contains("Database schema is up to date!");
              assertThat(f.help())
                  .contains("prisma/migrations/20251113220938_add_customer_slug/migration.sql");
            });
  }

  @Test
  void phantom_err_rolled_back_phantom_is_only_a_warning() {
    assertThat(RuleCheck.run(rule, Scenario.create().failed("p", "boom").resolvedRolledBack("p")))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void
      phantom_err_when_the_histories_diverge_prisma_status_lists_it_and_the_source_s_folder_is_named() {
    Scenario scenario =
        Scenario.create()
            .migration("1_a")
            .deployed("1_a")
            .deployed("2_db_only")
            .migration("3_folder_only")
            .paths(new ProjectPaths("packages/prisma/migrations", "packages/prisma/schema.prisma"));

    assertThat(scenario.audit().prismaStatus().output()).contains("2_db_only");
    assertThat(RuleCheck.run(rule, scenario))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message())
                  .doesNotContain("up to date")
                  .contains("no directory packages/prisma/migrations/2_db_only.")
                  .endsWith(
                      "`prisma migrate status` lists it among the migrations from the database not found locally.");
              assertThat(f.help())
                  .contains("`git log --all --oneline -- 'packages/prisma/migrations/2_db_only/'`")
                  .contains("`packages/prisma/migrations/2_db_only/migration.sql`");
            });
  }
}
