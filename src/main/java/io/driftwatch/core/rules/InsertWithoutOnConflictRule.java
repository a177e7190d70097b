package io.driftwatch.core.rules;

import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code INSERT} without {@code ON CONFLICT}: run twice (a migration fixed and re-applied, rows
 * already seeded elsewhere) it fails on a unique key or duplicates rows.
 */
public final class InsertWithoutOnConflictRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS015",
          "INSERT_WITHOUT_ON_CONFLICT",
          Severity.INFO,
          "A pending migration inserts rows without ON CONFLICT: it is not safe to run twice.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Effect insert : context.effectsOf("INSERT")) {
      if (insert.action() != Effect.Action.INSERT
          || insert.guarded()
          || context.createsTable(insert.object().name())) {
        continue;
      }
      boolean mysql = !context.dialect().transactionalDdl();
      findings.add(
          TYPE.at(
                  context.migration(),
                  insert.statement().lineLabel()
                      + " inserts into "
                      + insert.writtenOwner()
                      + (mysql
                          ? " without IGNORE or ON DUPLICATE KEY UPDATE: run again (a migration fixed and"
                              + " re-applied, or rows already there) it fails on a unique key (1062) or adds"
                              + " duplicates."
                          : " without ON CONFLICT: run again (a migration "
                              + "fixed and re-applied, or rows already there) it fails on a unique key (23505) or adds duplicates."),
                  mysql
                      ? "Write `INSERT IGNORE INTO ...` or add `ON DUPLICATE KEY UPDATE ...` so the statement"
                          + " can run twice safely."
                      : "Add `ON CONFLICT (key) DO NOTHING` (or `ON CONFLICT (key) DO UPDATE SET ...`) so the statement can "
                          + "run twice safely.")
              .atLine(insert.statement().line()));
    }
    return findings;
  }
}
