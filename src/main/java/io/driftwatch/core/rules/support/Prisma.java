package io.driftwatch.core.rules.support;

import io.driftwatch.core.prisma.ProjectPaths;

/** The exact commands findings tell people to run, spelled once. */
public final class Prisma {

  private Prisma() {}

  /**
   * {@code npx prisma migrate deploy}, with {@code --schema} when the source's schema is not at the
   * default.
   */
  public static String deploy(ProjectPaths paths) {
    return paths.deploy();
  }

  public static String resolveApplied(ProjectPaths paths, String migration) {
    return "npx prisma migrate resolve --applied \"" + migration + "\"" + paths.projectOption();
  }

  public static String resolveRolledBack(ProjectPaths paths, String migration) {
    return "npx prisma migrate resolve --rolled-back \"" + migration + "\"" + paths.projectOption();
  }

  /**
   * The database's own error line from what Prisma logged ({@code ERROR: ...} from PostgreSQL,
   * after Prisma's "Database error code" preamble), else the first line; cut to a readable length.
   */
  public static String databaseError(String logs) {
    if (logs == null || logs.isBlank()) {
      return "no error was logged";
    }
    String line =
        logs.lines()
            .map(String::strip)
            .filter(candidate -> candidate.startsWith("ERROR:"))
            .findFirst()
            .orElseGet(() -> logs.strip().lines().findFirst().orElse(""));
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
