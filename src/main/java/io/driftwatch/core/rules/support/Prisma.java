package io.driftwatch.core.rules.support;

/** The exact commands findings tell people to run, spelled once. */
public final class Prisma {

  private Prisma() {}

  public static final String DEPLOY = "npx prisma migrate deploy";

  public static String resolveApplied(String migration) {
    return "npx prisma migrate resolve --applied \"" + migration + "\"";
  }

  public static String resolveRolledBack(String migration) {
    return "npx prisma migrate resolve --rolled-back \"" + migration + "\"";
  }

  public static String scriptPath(String migration) {
    return "prisma/migrations/" + migration + "/migration.sql";
  }

  public static String gitHistoryOf(String migration) {
    return "git log --all --oneline -- 'prisma/migrations/" + migration + "/'";
  }

  /**
   * The database's own error line from what Prisma logged ({@code ERROR: ...} from PostgreSQL, after
   * Prisma's "Database error code" preamble), else the first line; cut to a readable length.
   */
  public static String databaseError(String logs) {
    if (logs == null || logs.isBlank()) {
      return "no error was logged";
    }
    String line = logs.lines().map(String::strip)
        .filter(candidate -> candidate.startsWith("ERROR:"))
        .findFirst()
        .orElseGet(() -> logs.strip().lines().findFirst().orElse(""));
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
