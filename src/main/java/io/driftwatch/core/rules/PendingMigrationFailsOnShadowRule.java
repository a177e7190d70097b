package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.SchemaInput;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import java.util.List;
import java.util.Optional;

/**
 * A migration the next deploy runs fails when applied on a shadow replica of the expected schema
 * (the applied migrations replayed, then the pending ones, each going on past a failure; a failed
 * migration is run again where it stands, as the plan resolves it, and the message says so): the
 * exact pre-flight check. Unlike {@link PendingMigrationWillFailRule} it runs the real SQL, so it
 * also sees syntax errors, type errors and failing data statements.
 */
public final class PendingMigrationFailsOnShadowRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS019",
          "PENDING_MIGRATION_FAILS_ON_SHADOW",
          Severity.ERROR,
          "A pending migration fails when applied on a replica of the schema the applied migrations "
              + "build: deploying it will fail (P3018).");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    return context
        .schema()
        .flatMap(SchemaInput::folder)
        .map(
            replay ->
                replay.failuresOf(context.pending().effects().keySet()).stream()
                    .filter(
                        failure ->
                            failure
                                .cause()
                                .scriptsOwn()) // the sandbox's refusals are SD023 and SD024
                    .map(failure -> finding(failure, replay.assumption(), context.source().paths()))
                    .toList())
        .orElse(List.of());
  }

  private static Finding finding(
      ReplayFailure failure, Optional<String> assumption, ProjectPaths paths) {
    return TYPE.at(
        failure.migration(),
        TYPE.severity(),
        "`"
            + failure.migration()
            + "` fails on a shadow replica of the expected schema ("
            + failure.quoted()
            + assumption.map(assumed -> "; " + assumed).orElse("")
            + "): `"
            + paths.deploy()
            + "` will stop there with P3018, and every deploy after "
            + "it with P3009 until it is resolved.",
        "Fix its SQL before deploying: it has not been applied here, so it may still be edited (unless another "
            + "environment already ran it). Reproduce with `npx prisma migrate dev"
            + paths.projectOption()
            + "` on a development database. The "
            + "database error names the statement.");
  }
}
