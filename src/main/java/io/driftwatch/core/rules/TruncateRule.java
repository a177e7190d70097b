package io.driftwatch.core.rules;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.effect.DataLoss;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import java.util.ArrayList;
import java.util.List;

/** {@code TRUNCATE}: every row of the table is gone, under an ACCESS EXCLUSIVE lock. */
public final class TruncateRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS009",
          "TRUNCATE",
          Severity.WARNING,
          "A pending migration truncates a table: every row is deleted.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Effect truncate : context.losing(DataLoss.TRUNCATES)) {
      QualifiedName table = truncate.object().name();
      if (context.knownEmpty(table)) {
        continue;
      }
      String name = truncate.writtenOwner();
      findings.add(
          TYPE.at(
                  context.migration(),
                  context.hasRows(table) ? Severity.ERROR : Severity.WARNING,
                  truncate.statement().lineLabel()
                      + " truncates "
                      + name
                      + context.rowsNote(table)
                      + ": every row is deleted, with no way back but a backup.",
                  "If the rows are meant to go, back them up first ("
                      + (context.dialect().transactionalDdl()
                          ? "`pg_dump --data-only --table='" + name.replace("'", "''") + "'`"
                          : "`mysqldump --no-create-info <database> "
                              + truncate.object().name().name()
                              + "`")
                      + "); if only some are, use `DELETE FROM "
                      + name
                      + " WHERE ...;`.")
              .atLine(truncate.statement().line()));
    }
    return findings;
  }
}
