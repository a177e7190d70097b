package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.SchemaContext;
import io.driftwatch.core.SchemaRead;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.coverage.CoverageReport;
import io.driftwatch.core.drift.CatchUpMigration;
import io.driftwatch.core.drift.SchemaDrift;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.prisma.schema.SchemaProblem;
import io.driftwatch.core.replay.ExpectedSchema;
import java.util.List;
import java.util.Optional;

/** Schema contexts for rule tests, and the shape check every schema finding must pass. */
final class SchemaContexts {

  private SchemaContexts() {}

  static SchemaContext empty() {
    return new SchemaContext(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  static SchemaContext withDrift(SchemaDrift drift, CatchUpMigration catchUp) {
    return new SchemaContext(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(drift),
        Optional.ofNullable(catchUp),
        Optional.empty(),
        List.of());
  }

  static SchemaContext replayed(ExpectedSchema expected, Catalog live) {
    return new SchemaContext(
        Optional.of(expected),
        Optional.empty(),
        Optional.ofNullable(live),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  static SchemaContext unavailable(String reason) {
    return new SchemaContext(
        Optional.empty(),
        Optional.of(reason),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  static SchemaContext withCoverage(CoverageReport coverage) {
    return new SchemaContext(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(coverage),
        List.of());
  }

  static SchemaContext withProblems(List<SchemaProblem> problems) {
    return new SchemaContext(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        problems);
  }

  static SchemaContext withSchemaRead(SchemaRead read) {
    return new SchemaContext(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        read,
        ProjectPaths.DEFAULT);
  }

  static List<Finding> run(SchemaRule rule, SchemaContext context) {
    List<Finding> findings = rule.check(context);
    for (Finding finding : findings) {
      assertThat(finding.type())
          .as("%s reports only its own type", rule.getClass().getSimpleName())
          .isEqualTo(rule.type());
      assertThat(finding.message()).isNotBlank();
      assertThat(finding.help()).as("help of %s must say what to do", finding.code()).isNotBlank();
    }
    return findings;
  }
}
