package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.HistoryOwner;
import io.driftwatch.core.prisma.Prisma8Migrations;
import io.driftwatch.core.rules.support.NotUnderstood;
import java.util.List;

/**
 * A migrations folder in Prisma 8's layout ({@code app/<timestamp>_<slug>/} with {@code
 * migration.json} and {@code ops.json}, refs in {@code app/refs/}): said once, instead of a
 * "missing migration.sql" (P3015) for each of its folders. driftwatch reads its contract hashes,
 * not its operations.
 */
public final class Prisma8MigrationsRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "DH007",
          "PRISMA_8_MIGRATIONS",
          Severity.INFO,
          "The migrations folder holds Prisma 8 migrations (app/, refs): read for their contract"
              + " hashes, not replayed.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public boolean readsMigrateHistory() {
    return false;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    if (context.source().layout().prisma8().isEmpty()) {
      return List.of();
    }
    Prisma8Migrations prisma8 = context.source().layout().prisma8().get();
    String app = context.source().paths().directory("app");
    boolean migrateDatabase = context.target().ownership().owner() == HistoryOwner.PRISMA_MIGRATE;
    return List.of(
        TYPE.at(
            null,
            "`"
                + app
                + "/` holds "
                + prisma8.migrations().size()
                + " Prisma 8 migration"
                + (prisma8.migrations().size() == 1 ? "" : "s")
                + (prisma8.refs().isEmpty()
                    ? ""
                    : " and the refs " + String.join(", ", prisma8.refs().keySet()))
                + ". driftwatch reads their contract hashes (to check the database's marker), not"
                + " their operations: they are not replayed for drift, and `prisma migrate` does"
                + " not see them."
                + (migrateDatabase
                    ? " The database has no Prisma 8 marker: its history is still"
                        + " _prisma_migrations."
                    : "")
                + NotUnderstood.sentence(prisma8.notUnderstood()),
            "Check them with Prisma 8 itself: `npx prisma migration status --json`."
                + (migrateDatabase
                    ? " Until the database is signed over (`npx prisma db sign`), keep deploying"
                        + " with the tool that wrote its history."
                    : "")));
  }
}
