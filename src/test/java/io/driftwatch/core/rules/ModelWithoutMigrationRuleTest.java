package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelWithoutMigrationRuleTest {

  private final ModelWithoutMigrationRule rule = new ModelWithoutMigrationRule();

  @Test
  void every_model_migrated_ok() throws Exception {
    assertThat(
            SchemaContexts.run(
                rule, SchemaContexts.withCoverage(CoverageRuleFixtures.coverage(true))))
        .isEmpty();
  }

  @Test
  void models_without_migration_err() throws Exception {
    List<Finding> findings =
        SchemaContexts.run(rule, SchemaContexts.withCoverage(CoverageRuleFixtures.coverage(false)));
    assertThat(findings)
        .extracting(Finding::subject)
        .containsExactlyInAnyOrder("public.Post", "public.Tag");
    assertThat(findings)
        .filteredOn(f -> f.subject().equals("public.Post"))
        .singleElement()
        .satisfies(
            post -> {
              assertThat(post.message()).contains("db push");
              assertThat(post.help()).contains("prisma migrate resolve --applied");
            });
    assertThat(findings)
        .filteredOn(f -> f.subject().equals("public.Tag"))
        .singleElement()
        .satisfies(
            tag -> assertThat(tag.help()).contains("npx prisma migrate dev --create-only --name"));
  }
}
