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
    PrismaSchemaException broken =
        catchThrowableOfType(
            PrismaSchemaException.class,
            () -> PrismaSchema.parse("schema.prisma", "model User {\n  id Int @id\n"));
    assertThat(SchemaContexts.run(rule, SchemaContexts.withProblems(broken.problems())))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.message()).contains("schema.prisma");
              assertThat(finding.help()).contains("npx prisma validate");
            });
  }

  @Test
  void schema_files_too_large_to_read_err_and_the_audit_goes_on() {
    io.driftwatch.core.AuditInput input =
        io.driftwatch.core.Scenario.create()
            .migration("a")
            .deployed("a")
            .schemaInput(
                io.driftwatch.core.SchemaInput.unavailable(
                    "no shadow server",
                    "public",
                    java.util.List.of(),
                    java.time.Instant.parse("2025-01-01T00:00:00Z")))
            .input();
    io.driftwatch.core.SourceSnapshot source = input.source();
    io.driftwatch.core.AuditInput tooLarge =
        new io.driftwatch.core.AuditInput(
            new io.driftwatch.core.SourceSnapshot(
                source.migrations(),
                source.lockProvider(),
                source.revision(),
                new java.util.TreeMap<>(),
                java.util.Optional.of(PrismaSchema.tooLarge(3_000_000))),
            input.target(),
            input.evidence(),
            input.schema());

    assertThat(new io.driftwatch.core.engine.AuditEngine().audit(tooLarge).findings())
        .filteredOn(finding -> finding.code().equals("CV003"))
        .singleElement()
        .satisfies(
            finding ->
                assertThat(finding.message()).contains("the schema files hold 3,000,000 bytes"));
  }
}
