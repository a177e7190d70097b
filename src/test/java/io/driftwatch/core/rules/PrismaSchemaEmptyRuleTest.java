package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.SchemaRead;
import io.driftwatch.core.prisma.schema.PrismaSchema;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrismaSchemaEmptyRuleTest {

  private final PrismaSchemaEmptyRule rule = new PrismaSchemaEmptyRule();

  private static SchemaRead read(String text) throws Exception {
    return new SchemaRead(
        "`prisma/schema.prisma` or `prisma/schema/`",
        List.of("schema.prisma"),
        Optional.of(PrismaSchema.parse(text)));
  }

  @Test
  void a_schema_with_an_enum_only_ok() throws Exception {
    assertThat(
            SchemaContexts.run(
                rule, SchemaContexts.withSchemaRead(read("enum Role {\n  USER\n}\n"))))
        .isEmpty();
  }

  @Test
  void no_schema_found_is_not_this_rule() {
    SchemaRead missing =
        new SchemaRead("`schema.prisma` or `schema/`", List.of(), Optional.empty());
    assertThat(SchemaContexts.run(rule, SchemaContexts.withSchemaRead(missing))).isEmpty();
  }

  @Test
  void datasource_and_generator_only_err_names_the_files_and_the_folder_setting() throws Exception {
    SchemaRead configOnly =
        read(
            """
        datasource db {
          provider = "postgresql"
          url      = env("DATABASE_URL")
        }
        generator client {
          provider = "prisma-client-js"
        }
        """);
    assertThat(SchemaContexts.run(rule, SchemaContexts.withSchemaRead(configOnly)))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.code()).isEqualTo("CV005");
              assertThat(finding.severity()).hasToString("INFO");
              assertThat(finding.message())
                  .contains("(schema.prisma)")
                  .contains("declares no model");
              assertThat(finding.help()).contains("source.schemaPath").contains("folder");
            });
  }
}
