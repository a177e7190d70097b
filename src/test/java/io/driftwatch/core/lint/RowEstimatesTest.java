package io.driftwatch.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.QualifiedName;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live tables' estimates, looked up by the tables a migration's statements name. */
class RowEstimatesTest {

  @Test
  void catalog_names_are_keyed_without_the_public_schema() {
    assertThat(RowEstimates.key("public.User")).isEqualTo("User");
    assertThat(RowEstimates.key(" audit.Log ")).isEqualTo("audit.Log");
    assertThat(RowEstimates.of(Map.of("public.User", 3L, "audit.Log", 4L)).byKey())
        .containsOnly(Map.entry("User", 3L), Map.entry("audit.Log", 4L));
  }

  @Test
  void a_statement_finds_its_table_however_it_writes_the_name() {
    LintContext context =
        LintContext.of(
            new MigrationLint(
                "m",
                "ALTER TABLE audit . \"Log\"\"s\" DROP COLUMN a;\nALTER TABLE Users DROP COLUMN b;",
                Map.of("audit.Log\"s", 7L, "users", 0L)));

    assertThat(context.effects(context.statements().get(0)).get(0).object().name())
        .isEqualTo(QualifiedName.of("audit", "Log\"s"));
    assertThat(context.rowEstimate(QualifiedName.of("audit", "Log\"s"))).hasValue(7L);
    assertThat(
            context.knownEmpty(context.effects(context.statements().get(1)).get(0).object().name()))
        .isTrue();
  }
}
