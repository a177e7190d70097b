package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.MigrationRecord;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prisma's advisory lock (72707369) is held: a deploy is running, and its unfinished row is work in
 * progress, not a failure.
 */
public final class DeployInProgressRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "HI009",
          "DEPLOY_IN_PROGRESS",
          Severity.INFO,
          "A prisma migrate deploy holds its advisory lock: unfinished rows are in progress, not failed.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    if (!context.history().deployLockHeld()) {
      return List.of();
    }
    List<MigrationRecord> running =
        context.history().records().stream()
            .filter(record -> !record.unfinishedRows().isEmpty())
            .toList();
    String migration = running.size() == 1 ? running.get(0).name() : null;
    String what =
        running.isEmpty()
            ? "no migration row is open yet"
            : "being applied: "
                + running.stream().map(MigrationRecord::name).collect(Collectors.joining(", "));
    return List.of(
        TYPE.at(
            migration,
            "A `prisma migrate deploy` holds advisory lock 72707369 right now (" + what + ").",
            "Wait for it to finish and audit again; if the lock stays held, find the session with "
                + "`SELECT pid, state, query_start FROM pg_stat_activity WHERE pid IN (SELECT pid FROM pg_locks "
                + "WHERE locktype = 'advisory' AND objid = 72707369)`."));
  }
}
