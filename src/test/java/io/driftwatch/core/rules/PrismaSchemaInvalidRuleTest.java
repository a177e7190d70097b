package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.driftwatch.core.AuditInput;
import io.driftwatch.core.Scenario;
import io.driftwatch.core.SchemaInput;
import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.engine.AuditEngine;
import io.driftwatch.core.prisma.schema.PrismaSchema;
import io.driftwatch.core.prisma.schema.PrismaSchemaException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
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
    AuditInput input =
        Scenario.create()
            .migration("a")
            .deployed("a")
            .schemaInput(
                SchemaInput.unavailable(
                    "no shadow server", "public", List.of(), Instant.parse("2025-01-01T00:00:00Z")))
            .input();
    SourceSnapshot source = input.source();
    AuditInput tooLarge =
        new AuditInput(
            new SourceSnapshot(
                source.migrations(),
                source.lockProvider(),
                source.revision(),
                new TreeMap<>(),
                Optional.of(PrismaSchema.tooLarge(3_000_000))),
            input.target(),
            input.evidence(),
            input.schema());

    assertThat(new AuditEngine().audit(tooLarge).findings())
        .filteredOn(finding -> finding.code().equals("CV003"))
        .singleElement()
        .satisfies(
            finding ->
                assertThat(finding.message()).contains("the schema files hold 3,000,000 bytes"));
  }
}
