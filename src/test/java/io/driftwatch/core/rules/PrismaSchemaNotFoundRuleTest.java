package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.SchemaRead;
import io.driftwatch.core.prisma.schema.PrismaSchema;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrismaSchemaNotFoundRuleTest {

  private final PrismaSchemaNotFoundRule rule = new PrismaSchemaNotFoundRule();

  @Test
  void schema_found_ok() throws Exception {
    SchemaRead found =
        new SchemaRead(
            "`prisma/schema.prisma` or `prisma/schema/`",
            List.of("schema.prisma"),
            Optional.of(PrismaSchema.parse("model A {\n  id Int @id\n}\n")));
    assertThat(SchemaContexts.run(rule, SchemaContexts.withSchemaRead(found))).isEmpty();
  }

  @Test
  void nothing_at_the_places_looked_at_err_names_them_and_the_settings() {
    SchemaRead missing =
        new SchemaRead("`db/schema.prisma` or `db/schema/`", List.of(), Optional.empty());
    assertThat(SchemaContexts.run(rule, SchemaContexts.withSchemaRead(missing)))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.code()).isEqualTo("CV004");
              assertThat(finding.message())
                  .contains("`db/schema.prisma` or `db/schema/`")
                  .contains("unknown");
              assertThat(finding.help())
                  .contains("source.schemaPath")
                  .contains("source.migrationsPath");
            });
  }
}
