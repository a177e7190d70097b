package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.MigrationOrder;
import java.util.List;

/**
 * The CLI's locale order and the byte order of older engines disagree on two neighbouring
 * migrations: databases migrated by different Prisma versions may have applied them differently.
 */
public final class AmbiguousOrderRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "DH003",
          "AMBIGUOUS_ORDER",
          Severity.WARNING,
          "Two migrations sort differently in the CLI's locale order and in byte order.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    return MigrationOrder.disagreements(context.history().folderOrder()).stream()
        .map(
            pair ->
                TYPE.at(
                    pair.second(),
                    "The Prisma CLI applies `"
                        + pair.first()
                        + "` before `"
                        + pair.second()
                        + "`; engines that sorted byte-wise applied them the other way round.",
                    "Do not rename applied migrations (that creates phantoms). Make sure both orders give the same "
                        + "schema, and create new migrations with `npx prisma migrate dev --create-only --name <name>"
                        + context.source().paths().projectOption()
                        + "` so "
                        + "they get a 14-digit UTC timestamp."))
        .toList();
  }
}
