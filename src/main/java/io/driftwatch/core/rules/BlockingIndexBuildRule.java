package io.driftwatch.core.rules;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.SchemaObject.Kind;
import io.driftwatch.core.effect.StatementTrait;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * {@code CREATE INDEX} without {@code CONCURRENTLY} on a table with rows: writes block for the
 * whole build. An index on a table created by the same migration is free and not reported.
 */
public final class BlockingIndexBuildRule implements LintRule {

  /** Below this many rows an index builds in well under a second. */
  static final long SMALL_TABLE_ROWS = 10_000;

  public static final FindingType TYPE =
      new FindingType(
          "MS006",
          "BLOCKING_INDEX_BUILD",
          Severity.WARNING,
          "A pending migration builds an index without CONCURRENTLY on a table with rows: writes wait for the build.");

  /** {@code CREATE [UNIQUE] INDEX}, where the help puts CONCURRENTLY. */
  private static final Pattern INDEX_HEAD =
      Pattern.compile("(?i)^(CREATE\\s+(?:UNIQUE\\s+)?INDEX)\\b");

  /** PostgreSQL's locking and transactions only. */
  @Override
  public boolean speaks(SqlDialect dialect) {
    return dialect.transactionalDdl();
  }

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (SqlStatement statement : context.statements()) {
      if (!(statement.is("CREATE", "INDEX") || statement.is("CREATE", "UNIQUE", "INDEX"))
          || context.traits(statement).contains(StatementTrait.CONCURRENTLY)) {
        continue;
      }
      for (Effect build : context.effects(statement)) {
        if (build.action() != Effect.Action.CREATE || build.object().kind() != Kind.INDEX) {
          continue;
        }
        QualifiedName onTable = build.requires().get(0).name();
        OptionalLong rows = context.rowEstimate(onTable);
        if (context.createsTable(onTable)
            || (rows.isPresent() && rows.getAsLong() <= SMALL_TABLE_ROWS)) {
          continue;
        }
        String table = build.writtenOwner();
        String size = rows.isPresent() ? context.rowsNote(onTable) : " (of unknown size)";
        findings.add(
            TYPE.at(
                    context.migration(),
                    statement.lineLabel()
                        + " builds an index on "
                        + table
                        + size
                        + " without CONCURRENTLY: "
                        + "inserts, updates and deletes on "
                        + table
                        + " wait until the build ends (SHARE lock).",
                    "Move it to a migration of its own holding only `"
                        + concurrently(statement)
                        + ";`: Prisma does not "
                        + "wrap a lone statement in a transaction, so CONCURRENTLY works there; if the build fails, "
                        + "`DROP INDEX CONCURRENTLY` the invalid index before retrying.")
                .atLine(statement.line()));
      }
    }
    return findings;
  }

  /** The statement's first line with CONCURRENTLY put in, for the help to quote. */
  private static String concurrently(SqlStatement statement) {
    String first = statement.text().strip().lines().findFirst().orElse("").strip();
    String rewritten = INDEX_HEAD.matcher(first).replaceFirst("$1 CONCURRENTLY");
    return rewritten.length() > 160 ? rewritten.substring(0, 160) + "…" : rewritten;
  }
}
