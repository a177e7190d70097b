package io.driftwatch.core.replay;

import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.history.MigrationScript;
import io.driftwatch.core.history.MigrationState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What to replay to learn the schema the applied migrations produce: the folder migrations the
 * database has applied (a finished row, not rolled back), in the CLI's folder order, each script as
 * it is in the folder (Prisma's shadow database uses the folder too, edited or not). Phantoms have no
 * script and cannot be replayed; their objects will show as created by no migration.
 *
 * @param schema the schema migrations run in (the URL's {@code ?schema=}), created first as Prisma does
 */
public record ReplayPlan(List<ReplayStep> steps, String schema) {

  /**
   * One migration: its name and its whole script, sent as one simple query as Prisma sends it. The step holds the
   * script, not its text: {@link #sql()} decodes it when it is sent, so a plan of a whole history holds no copy of
   * the scripts the audit already holds.
   *
   * @param pending a migration the next deploy will run: when it fails, the replay records the error and goes on
   *     with the next one, so that every failing pending migration is known (the exact pre-flight check)
   */
  public record ReplayStep(String migration, MigrationScript script, String checksum, boolean pending) {

    public ReplayStep(String migration, String sql, String checksum, boolean pending) {
      this(migration, MigrationScript.of(sql), checksum, pending);
    }

    public ReplayStep(String migration, String sql, String checksum) {
      this(migration, sql, checksum, false);
    }

    /** The script's text, decoded on every call: hold it only while sending it. */
    public String sql() {
      return script.sql();
    }
  }

  public ReplayPlan {
    steps = List.copyOf(steps);
  }

  public static ReplayPlan of(MigrationHistory history, String schema) {
    return of(history, schema, record -> history.stateOf(record) == MigrationState.APPLIED);
  }

  /**
   * Every folder migration with a script, in the CLI's order: what {@code prisma migrate dev} builds in
   * its shadow database, pending migrations included. Coverage asks it: is a model created by any
   * migration of the folder?
   */
  public static ReplayPlan ofFolder(MigrationHistory history, String schema) {
    return of(history, schema, record -> true);
  }

  /** The folder migrations with a script that {@code replayed} keeps, in the CLI's order. */
  private static ReplayPlan of(MigrationHistory history, String schema, Predicate<MigrationRecord> replayed) {
    Map<String, MigrationRecord> byName = new HashMap<>();
    history.records().forEach(record -> byName.put(record.name(), record));
    List<ReplayStep> steps = new ArrayList<>();
    for (String name : history.folderOrder()) {
      MigrationRecord record = byName.get(name);
      if (record != null && record.script().isPresent() && replayed.test(record)) {
        steps.add(new ReplayStep(name, record.script().get(), record.script().get().checksum(),
            history.stateOf(record).deployWillApply()));
      }
    }
    return new ReplayPlan(steps, schema);
  }

  /**
   * Names the schema this plan produces on a server of this major version: equal plans (same
   * scripts, same order, same schema) give equal keys, so a replay is done once per content.
   */
  public String cacheKey(int serverMajorVersion) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(("v1|" + schema + "|" + serverMajorVersion).getBytes(StandardCharsets.UTF_8));
      for (ReplayStep step : steps) {
        digest.update(("|" + step.migration() + ":" + step.checksum() + (step.pending() ? ":p" : "")).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
