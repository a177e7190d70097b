package io.driftwatch.core.rules;

import io.driftwatch.core.SchemaContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import java.util.List;

/**
 * An applied migration fails when replayed on a fresh database: Prisma's shadow database would stop
 * there too (P3006), so {@code migrate dev} is blocked and the expected schema is unknown.
 */
public final class MigrationReplayFailedRule implements SchemaRule {

  public static final FindingType TYPE =
      new FindingType(
          "SD020",
          "MIGRATION_REPLAY_FAILED",
          Severity.ERROR,
          "An applied migration fails on a fresh database (Prisma's P3006): migrate dev is blocked and drift cannot be checked.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(SchemaContext context) {
    return context
        .expected()
        .flatMap(expected -> expected.failure())
        .filter(
            failure -> failure.cause().scriptsOwn()) // the sandbox's refusals are SD023 and SD024
        .map(
            failure ->
                List.of(
                    TYPE.at(
                        failure.migration(),
                        TYPE.severity(),
                        "`"
                            + failure.migration()
                            + "` fails when the applied migrations are replayed on an empty database ("
                            + failure.quoted()
                            + "). Prisma's shadow database fails the same way (P3006), "
                            + "so `prisma migrate dev` stops here, and the schema the migrations should produce is unknown.",
                        "Reproduce it with `npx prisma migrate dev --create-only"
                            + context.paths().projectOption()
                            + "` against a shadow database; fix the script only if "
                            + "it never ran anywhere, else add a corrective migration before it can be replayed (a script edited after "
                            + "it ran is reported as edited). The database error names the statement.")))
        .orElse(List.of());
  }
}
