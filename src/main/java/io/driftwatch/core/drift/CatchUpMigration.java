package io.driftwatch.core.drift;

import io.driftwatch.core.prisma.ProjectPaths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * When the database is right and the migrations are behind: a migration that records the drift, to
 * be marked as applied without running it ({@code prisma migrate resolve --applied}), so that the
 * next {@code migrate dev} builds the schema the database has.
 *
 * @param name the migration directory: {@code 20250101120000_catch_up_drift}
 * @param sql the {@code migration.sql}, Prisma-style: a section comment per statement, enums before
 *     tables before columns, indexes, then foreign keys; what the database lacks is dropped
 * @param commands what to run at the root of the Prisma project, in order
 */
public record CatchUpMigration(String name, String sql, List<String> commands) {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private static final String SUFFIX = "_catch_up_drift";

  public CatchUpMigration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
    commands = List.copyOf(commands);
  }

  /**
   * The migration that makes the migrations build what the database holds. The drift carries the
   * live side's SQL (rendered from the live catalog when it was compared), so the catalog is not
   * needed again.
   *
   * @throws IllegalArgumentException when there is no drift to catch up
   */
  public static CatchUpMigration from(SchemaDrift drift, Instant now) {
    return from(drift, now, ProjectPaths.DEFAULT);
  }

  /**
   * As {@link #from(SchemaDrift, Instant)}, its commands written for the source's folder and
   * schema.
   */
  public static CatchUpMigration from(SchemaDrift drift, Instant now, ProjectPaths paths) {
    Objects.requireNonNull(drift, "drift");
    Objects.requireNonNull(now, "now");
    if (drift.isEmpty()) {
      throw new IllegalArgumentException(
          "no drift: the database already matches the migrations, there is nothing"
              + " to catch up");
    }
    String name = TIMESTAMP.format(now) + SUFFIX;
    String sql = Script.render(Script.order(drift, Drift::liveSteps));
    String directory = paths.directory(name);
    return new CatchUpMigration(
        name,
        sql,
        List.of(
            "mkdir -p " + directory,
            "cat > " + directory + "/migration.sql <<'DRIFTWATCH_SQL'\n" + sql + "DRIFTWATCH_SQL",
            paths.resolveApplied(name)));
  }
}
