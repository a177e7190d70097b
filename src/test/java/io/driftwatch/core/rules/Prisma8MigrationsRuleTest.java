package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import org.junit.jupiter.api.Test;

class Prisma8MigrationsRuleTest {

  private final Prisma8MigrationsRule rule = new Prisma8MigrationsRule();

  @Test
  void prisma_8_migrations_ok_prisma_migrate_folder() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").deployed("a"))).isEmpty();
  }

  @Test
  void prisma_8_migrations_err_app_folder_said_once_on_a_database_not_yet_signed() {
    Scenario scenario =
        Scenario.create()
            .migration("a")
            .deployed("a")
            .layout(Layouts.withPrisma8(Layouts.graph("aa11")));
    assertThat(RuleCheck.run(rule, scenario))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message())
                  .contains("`prisma/migrations/app/` holds 1 Prisma 8 migration")
                  .contains("the refs production")
                  .contains("still _prisma_migrations");
              assertThat(f.help()).contains("npx prisma db sign");
            });
    assertThat(scenario.findingNames()).doesNotContain("MISSING_MIGRATION_SCRIPT");
  }
}
