package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldWithoutMigrationRuleTest {

  private final FieldWithoutMigrationRule rule = new FieldWithoutMigrationRule();

  @Test
  void every_field_migrated_ok() throws Exception {
    assertThat(
            SchemaContexts.run(
                rule, SchemaContexts.withCoverage(CoverageRuleFixtures.coverage(true))))
        .isEmpty();
  }

  @Test
  void a_column_added_by_hand_on_a_migrated_model_err() throws Exception {
    List<Finding> findings =
        SchemaContexts.run(rule, SchemaContexts.withCoverage(CoverageRuleFixtures.coverage(false)));
    // Post.id and Tag.id belong to models no migration creates: their model's finding covers them.
    assertThat(findings)
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.subject()).isEqualTo("public.User.nickname");
              assertThat(finding.message()).contains("User.nickname").contains("db push");
            });
  }
}
