package io.driftwatch.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.effect.ScriptReading;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.prisma.ProjectPaths;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live tables' estimates, one key for the lint, the plan and the data check. */
class TableRowsTest {

  @Test
  void tables_named_as_text_are_in_public_unless_qualified() {
    TableRows rows = TableRows.of(Map.of("User", 3L, " audit.Log ", 4L, "Stale", -1L, "Empty", 0L));

    assertThat(rows.of(QualifiedName.of("public", "User"))).hasValue(3L);
    assertThat(rows.of(QualifiedName.of("audit", "Log"))).hasValue(4L);
    assertThat(rows.of(QualifiedName.of("public", "Stale"))).as("never analyzed").isEmpty();
    assertThat(rows.of(QualifiedName.of("other", "User"))).isEmpty();
    assertThat(rows.withRows()).containsExactly("audit.Log", "public.User");
  }

  @Test
  void a_migration_finds_its_tables_however_it_writes_their_names_in_its_schema() {
    TableRows rows =
        new TableRows(
            Map.of(QualifiedName.of("app", "Log\"s"), 7L, QualifiedName.of("app", "users"), 0L));
    LintContext context =
        new LintContext(
            "m",
            ScriptReading.of(
                "ALTER TABLE app . \"Log\"\"s\" DROP COLUMN a;\nALTER TABLE Users DROP COLUMN b;",
                "app"),
            rows,
            ProjectPaths.DEFAULT);

    QualifiedName first = context.effects(context.statements().get(0)).get(0).object().name();
    QualifiedName second = context.effects(context.statements().get(1)).get(0).object().name();
    assertThat(first).isEqualTo(QualifiedName.of("app", "Log\"s"));
    assertThat(context.rowEstimate(first)).hasValue(7L);
    assertThat(second).isEqualTo(QualifiedName.of("app", "users"));
    assertThat(context.knownEmpty(second)).isTrue();
  }
}
