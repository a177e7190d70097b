package io.driftwatch.core.rules.support;

import io.driftwatch.core.SchemaContext;
import io.driftwatch.core.drift.CatchUpMigration;
import io.driftwatch.core.drift.Drift;
import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.rules.SchemaRule;
import java.util.List;

/**
 * What every drift rule does for its one kind: a finding per drift, naming the object, what differs,
 * and both ways out with their exact SQL: record the database as it is (the catch-up migration, then
 * {@code prisma migrate resolve --applied}), or bring it back to what the migrations create.
 */
public abstract class DriftKindRule implements SchemaRule {

  private final FindingType type;
  private final DriftKind kind;

  protected DriftKindRule(FindingType type, DriftKind kind) {
    this.type = type;
    this.kind = kind;
  }

  @Override
  public FindingType type() {
    return type;
  }

  @Override
  public List<Finding> check(SchemaContext context) {
    if (context.drift().isEmpty()) {
      return List.of();
    }
    String catchUp = context.catchUp().map(CatchUpMigration::name).orElse("<timestamp>_catch_up_drift");
    // its commands end with the resolve that records it, written for the source's folder and schema
    String record = context.catchUp().map(c -> c.commands().get(c.commands().size() - 1))
        .orElse(context.paths().resolveApplied(catchUp));
    return context.drift().get().ofKind(kind).stream()
        .map(drift -> type.about(subject(drift), type.severity(), message(drift), help(drift, catchUp, record)))
        .toList();
  }

  /** {@code public.User.email}: the object, then the member within it. */
  public static String subject(Drift drift) {
    return drift.object().schema() + "." + drift.object().name() + (drift.member() == null ? "" : "." + drift.member());
  }

  private String message(Drift drift) {
    String what = kind.objectType() + " `" + subject(drift) + "`";
    return switch (kind.side()) {
      case LIVE_ONLY -> "The database has " + what + ", which no applied migration creates (db push or manual SQL): "
          + drift.description() + ".";
      case EXPECTED_ONLY -> "The applied migrations create " + what + ", but the database does not have it (dropped "
          + "by hand, or a migration marked applied without running): " + drift.description() + ".";
      case BOTH -> "The " + what + " differs from what the applied migrations create: " + drift.description() + ".";
    };
  }

  private static String help(Drift drift, String catchUp, String record) {
    return "If the database is right, record it in the catch-up migration `" + catchUp + "` (the drift report holds "
        + "it whole), which reads here: `" + oneLine(drift.liveDdl()) + "`, then run `" + record
        + "` (it records the migration without running it). If the migrations are right, "
        + "run on the database: `" + oneLine(drift.restoreSql()) + "`.";
  }

  private static String oneLine(String sql) {
    return sql.lines().filter(line -> !line.startsWith("--")).map(String::strip).filter(line -> !line.isEmpty())
        .reduce((a, b) -> a + " " + b).orElse("");
  }
}
