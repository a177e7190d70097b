package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.driftwatch.core.prisma.schema.PrismaSchema;
import io.driftwatch.core.prisma.schema.PrismaSchemaException;
import org.junit.jupiter.api.Test;

class PrismaSchemaInvalidRuleTest {

  private final PrismaSchemaInvalidRule rule = new PrismaSchemaInvalidRule();

  @Test
  void readable_schema_ok() {
    assertThat(SchemaContexts.run(rule, SchemaContexts.empty())).isEmpty();
  }

  @Test
  void unreadable_schema_err() {
    PrismaSchemaException broken = catchThrowableOfType(PrismaSchemaException.class,
        () -> PrismaSchema.parse("schema.prisma", "model User {\n  id Int @id\n"));
    assertThat(SchemaContexts.run(rule, SchemaContexts.withProblems(broken.problems())))
        .singleElement().satisfies(finding -> {
          assertThat(finding.message()).contains("schema.prisma");
          assertThat(finding.help()).contains("npx prisma validate");
        });
  }
}
