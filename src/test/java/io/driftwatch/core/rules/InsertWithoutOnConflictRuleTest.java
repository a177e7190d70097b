package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.finding.Severity;
import org.junit.jupiter.api.Test;

class InsertWithoutOnConflictRuleTest {

  private final InsertWithoutOnConflictRule rule = new InsertWithoutOnConflictRule();

  @Test
  void insert_ok_guarded_or_into_a_new_table() {
    assertThat(
            LintCheck.run(
                rule,
                """
        INSERT INTO "Role" ("name") VALUES ('admin') ON CONFLICT ("name") DO NOTHING;
        INSERT INTO "Role" ("name") SELECT 'user' WHERE NOT EXISTS (SELECT 1 FROM "Role" WHERE "name" = 'user');
        CREATE TABLE "Plan" ("id" INTEGER);
        INSERT INTO "Plan" VALUES (1);
        """))
        .isEmpty();
  }

  @Test
  void insert_err_plain_seed() {
    assertThat(LintCheck.run(rule, "INSERT INTO \"Role\" (\"name\") VALUES ('ON CONFLICT');"))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO))
        .satisfies(f -> assertThat(f.message()).startsWith("Line 1 inserts into \"Role\""))
        .satisfies(f -> assertThat(f.help()).contains("ON CONFLICT (key) DO NOTHING"));
  }
}
