package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.ObjectSet;
import io.driftwatch.core.effect.StatementEffects;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.plan.PredictedFailure;
import io.driftwatch.core.plan.Preflight;
import io.driftwatch.core.sql.SqlScript;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A migration the next deploy runs creates something the live database already has, or alters, drops or
 * references something it does not: deploy will stop there with P3018, and every deploy after it with P3009.
 * Found by playing the pending migrations, in order, over the live catalog (see {@link Preflight}).
 */
public final class PendingMigrationWillFailRule implements HistoryRule {

  public static final FindingType TYPE = new FindingType("MS018", "PENDING_MIGRATION_WILL_FAIL", Severity.ERROR,
      "A pending migration will fail against the live database (P3018): it creates what exists or needs what is "
          + "missing.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    if (context.target().catalog().isEmpty()) {
      return List.of();
    }
    String schema = context.target().datasource().schema();
    StatementEffects reader = new StatementEffects(schema);
    Map<String, List<Effect>> pending = new LinkedHashMap<>();
    for (MigrationRecord record : context.history().records()) {
      if (context.history().stateOf(record).deployWillApply() && record.script().isPresent()) {
        pending.put(record.name(), reader.of(SqlScript.split(record.script().get().sql()).statements()));
      }
    }
    if (pending.isEmpty()) {
      return List.of();
    }
    return Preflight.predict(pending, ObjectSet.of(context.target().catalog().get())).values().stream()
        .map(PendingMigrationWillFailRule::finding).toList();
  }

  private static Finding finding(PredictedFailure failure) {
    return new Finding(TYPE, TYPE.severity(), failure.migration(),
        "`" + failure.migration() + "` will fail when deployed (P3018): at line " + failure.line() + " ("
            + failure.statement() + "), " + failure.object() + " " + failure.reason() + " in the live database.",
        "If the database already holds everything the migration creates (db push, a fix by hand), mark it applied "
            + "instead of running it: `npx prisma migrate resolve --applied " + failure.migration() + "`. Otherwise "
            + "fix the script before deploying (it has not run here; guard it with IF NOT EXISTS, or create what it "
            + "needs in an earlier migration). GET /api/v1/environments/{name}/plan gives the steps.",
        null, failure.object());
  }
}
