package io.driftwatch.core.coverage;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.prisma.ProjectPaths;
import java.util.Objects;

/**
 * The fix for what no migration creates, naming the exact {@code prisma} commands for the source's
 * migrations folder and schema.
 */
final class CoverageHelp {

  private final ProjectPaths paths;

  CoverageHelp(ProjectPaths paths) {
    this.paths = Objects.requireNonNull(paths, "paths");
  }

  /** For a table, join table, enum, column or enum value that Migrate can generate. */
  String migration(CoverageStatus status, String slug) {
    return switch (status) {
      case COVERED -> throw new IllegalArgumentException("a covered item needs no fix");
      case MISSING -> newMigration(slug);
      case LIVE_ONLY -> catchUp(slug);
      case UNCOVERED ->
          newMigration(slug)
              + " If a database already has it (db push), write a catch-up migration "
              + "instead: "
              + catchUp(slug);
    };
  }

  /**
   * For a column or enum value of something no migration creates: that migration creates it too.
   */
  static String comesWith(String parentPrismaName) {
    return "Created with `"
        + parentPrismaName
        + "`: the migration that creates it creates this too (see that item).";
  }

  /**
   * Migrate generates no SQL for a view (nor does {@code migrate diff}): the CREATE VIEW is written
   * by hand.
   */
  String view(CoverageStatus status, QualifiedName name, String slug) {
    String empty =
        "Migrate writes no SQL for views: `"
            + paths.createOnly(slug)
            + "` makes an empty migration; write the `CREATE VIEW "
            + name.quoted()
            + " AS ...` in its migration.sql";
    String deploy = empty + ", commit it, then `" + paths.deploy() + "`.";
    String resolve =
        "Migrate writes no SQL for views: `"
            + paths.createOnly(slug)
            + "` makes an empty migration; copy the live definition (`SELECT pg_get_viewdef('"
            + name.quoted()
            + "'::regclass)`) into a `CREATE VIEW "
            + name.quoted()
            + " AS ...` in its migration.sql, then mark it "
            + "applied where the view already exists: `"
            + paths.resolveApplied("<timestamp>_" + slug)
            + "`.";
    return switch (status) {
      case COVERED -> throw new IllegalArgumentException("a covered item needs no fix");
      case MISSING -> deploy;
      case LIVE_ONLY -> resolve;
      case UNCOVERED ->
          deploy
              + " Where the view already exists, mark that migration applied instead: "
              + "`"
              + paths.resolveApplied("<timestamp>_" + slug)
              + "`.";
    };
  }

  private String newMigration(String slug) {
    return "Create it in a migration: `"
        + paths.createOnly(slug)
        + "`, review "
        + paths.script("<timestamp>_" + slug)
        + ", commit it, then `"
        + paths.deploy()
        + "`.";
  }

  /**
   * The migration is written from the live database, so it records what is there, and marked
   * applied there because running it would fail on objects that already exist.
   */
  private String catchUp(String slug) {
    return "Write the catch-up migration from the live database: `"
        + paths.diffMigrationsToDatabase()
        + " > catch_up.sql`, review it, move it to "
        + paths.script("<timestamp>_" + slug)
        + ", then mark it applied on the live database: `"
        + paths.resolveApplied("<timestamp>_" + slug)
        + "`.";
  }

  /**
   * {@code add_} and the snake_case of the Prisma names: {@code UserProfile}, {@code createdAt} to
   * {@code add_user_profile_created_at}.
   */
  static String slug(String... prismaNames) {
    StringBuilder slug = new StringBuilder("add");
    for (String name : prismaNames) {
      slug.append('_').append(snake(name));
    }
    return slug.toString().replaceAll("_+", "_").replaceAll("_$", "");
  }

  /**
   * {@code HTTPServerLog2Entry} to {@code http_server_log2_entry}: an underscore before a capital
   * that follows a lower-case letter or digit, or that starts a capitalized word after capitals;
   * one for every run of other characters; none at either end. A hand scan: the patterns that say
   * the same ({@code ([A-Z]+)([A-Z][a-z])}) backtrack over a run of capitals from each of its
   * letters, quadratic on a name of a repository writer's making.
   */
  private static String snake(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    boolean separator = false;
    int length = name.length();
    for (int i = 0; i < length; i++) {
      char c = name.charAt(i);
      if (!isAsciiLetterOrDigit(c)) {
        separator = true;
        continue;
      }
      if (i > 0 && isUpper(c)) {
        char before = name.charAt(i - 1);
        boolean afterLowerOrDigit = isLower(before) || (before >= '0' && before <= '9');
        boolean startsWord = isUpper(before) && i + 1 < length && isLower(name.charAt(i + 1));
        separator |= afterLowerOrDigit || startsWord;
      }
      if (separator && !out.isEmpty()) {
        out.append('_');
      }
      separator = false;
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isUpper(c) || isLower(c) || (c >= '0' && c <= '9');
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }
}
