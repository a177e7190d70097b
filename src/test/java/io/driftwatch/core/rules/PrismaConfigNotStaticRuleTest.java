package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import io.driftwatch.core.prisma.SourceLayout;
import org.junit.jupiter.api.Test;

class PrismaConfigNotStaticRuleTest {

  private final PrismaConfigNotStaticRule rule = new PrismaConfigNotStaticRule();

  @Test
  void prisma_config_not_static_ok_config_read_whole() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").layout(Layouts.withUnread())))
        .isEmpty();
  }

  @Test
  void prisma_config_not_static_err_one_finding_per_key_naming_what_to_set() {
    Scenario scenario =
        Scenario.create()
            .migration("a")
            .layout(
                Layouts.withUnread(
                    new SourceLayout.Unread("schema", "a call to getSchema()"),
                    new SourceLayout.Unread(
                        "tables.external", "depends on the environment variable TABLES")));
    assertThat(RuleCheck.run(rule, scenario))
        .satisfiesExactly(
            schema -> {
              assertThat(schema.message())
                  .contains("`prisma.config.ts` sets `schema`")
                  .contains("a call to getSchema()")
                  .contains("The schema was not read");
              assertThat(schema.help()).contains("source.schemaPath");
              assertThat(schema.subject()).isEqualTo("prisma.config.ts schema");
            },
            tables -> assertThat(tables.help()).contains("ignore list"));
  }
}
