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
 * it is in the folder (Prisma's shadow database uses the folder too, edited or not). Phantoms have
 * no script and cannot be replayed; their objects will show as created by no migration.
 *
 * @param schema the schema migrations run in (the URL's {@code ?schema=}), created first as Prisma
 *     does
 */
public record ReplayPlan(List<ReplayStep> steps, String schema) {

  /**
   * One migration: its name and its whole script, sent as one simple query as Prisma sends it. The
   * step holds the script, not its text: {@link #sql()} decodes it when it is sent, so a plan of a
   * whole history holds no copy of the scripts the audit already holds.
   *
   * @param kind what the database has of it: an applied one that fails ends the replay (Prisma's
   *     P3006); a failed or pending one that fails is recorded and the replay goes on with the next
   *     one, so that every one that fails is known (the exact pre-flight check)
   */
  public record ReplayStep(String migration, MigrationScript script, String checksum, Kind kind) {

    /** What the database has of a replayed migration. */
    public enum Kind {
      /** Applied: the replay builds what the database should have. */
      APPLIED,
      /**
       * Failed (an unfinished row): replayed where it stands, as the deploy after {@code prisma
       * migrate resolve --rolled-back} runs it, with its script as the folder has it now (edited or
       * not).
       */
      FAILED,
      /** In the deploy queue: never applied, or rolled back. */
      PENDING
    }

    public ReplayStep(String migration, String sql, String checksum, boolean pending) {
      this(migration, MigrationScript.of(sql), checksum, pending ? Kind.PENDING : Kind.APPLIED);
    }

    public ReplayStep(String migration, String sql, String checksum) {
      this(migration, sql, checksum, false);
    }

    /** A migration the next deploy runs. */
    public boolean pending() {
      return kind == Kind.PENDING;
    }

    /**
     * Whether the replay goes on past this step's failure (recording it) rather than ending there.
     */
    public boolean goesOnPastFailure() {
      return kind != Kind.APPLIED;
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
   * Every folder migration with a script, in the CLI's order: what {@code prisma migrate dev}
   * builds in its shadow database, pending migrations included. Coverage asks it: is a model
   * created by any migration of the folder? A failed migration is run again where it stands, as the
   * plan resolves it ({@code migrate resolve --rolled-back}, then deploy), so the pending ones
   * behind it are checked too.
   */
  public static ReplayPlan ofFolder(MigrationHistory history, String schema) {
    return of(history, schema, record -> true);
  }

  /** The folder migrations with a script that {@code replayed} keeps, in the CLI's order. */
  private static ReplayPlan of(
      MigrationHistory history, String schema, Predicate<MigrationRecord> replayed) {
    Map<String, MigrationRecord> byName = new HashMap<>();
    history.records().forEach(record -> byName.put(record.name(), record));
    List<ReplayStep> steps = new ArrayList<>();
    for (String name : history.folderOrder()) {
      MigrationRecord record = byName.get(name);
      if (record != null && record.script().isPresent() && replayed.test(record)) {
        steps.add(
            new ReplayStep(
                name,
                record.script().get(),
                record.script().get().checksum(),
                kind(history, record)));
      }
    }
    return new ReplayPlan(steps, schema);
  }

  private static ReplayStep.Kind kind(MigrationHistory history, MigrationRecord record) {
    MigrationState state = history.stateOf(record);
    if (state.deployWillApply()) {
      return ReplayStep.Kind.PENDING;
    }
    return state == MigrationState.FAILED ? ReplayStep.Kind.FAILED : ReplayStep.Kind.APPLIED;
  }

  /** The failed migrations this plan runs again (see {@link ReplayStep.Kind#FAILED}), in order. */
  public List<String> rerunFailed() {
    return steps.stream()
        .filter(step -> step.kind() == ReplayStep.Kind.FAILED)
        .map(ReplayStep::migration)
        .toList();
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
        digest.update(
            ("|" + step.migration() + ":" + step.checksum() + kindMark(step.kind()))
                .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Keeps the keys of plans without failed steps what they were. */
  private static String kindMark(ReplayStep.Kind kind) {
    return switch (kind) {
      case APPLIED -> "";
      case FAILED -> ":f";
      case PENDING -> ":p";
    };
  }
}
