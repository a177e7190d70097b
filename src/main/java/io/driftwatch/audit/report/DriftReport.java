package io.driftwatch.audit.report;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the database holds against what the applied migrations create.
 *
 * @param status CHECKED, REPLAY_FAILED (an applied migration fails on a fresh database) or
 *     NOT_CHECKED
 * @param reason why it was not checked, else null
 * @param cached true when the expected schema came from an earlier replay of the same scripts
 * @param shadowServerMajorVersion the PostgreSQL major version the migrations were replayed on
 * @param databaseMajorVersion the watched database's
 * @param count the number of drifted objects
 * @param byKind drifted objects per kind
 * @param catchUp when the database is right: the migration that records it; null without drift
 * @param restore when the migrations are right: the SQL that brings the database back; null without
 *     drift
 */
public record DriftReport(
    Status status,
    String reason,
    boolean cached,
    Integer shadowServerMajorVersion,
    Integer databaseMajorVersion,
    int count,
    Map<String, Long> byKind,
    List<Item> items,
    CatchUp catchUp,
    Restore restore) {

  /** Whether the drift was checked; its name is the stored and served value. */
  @Schema(name = "DriftStatus")
  public enum Status {
    CHECKED,
    REPLAY_FAILED,
    NOT_CHECKED
  }

  /**
   * One drifted object.
   *
   * @param object schema.name of the table, enum or view
   * @param member the column, index, constraint or enum value in it, else null
   * @param liveDdl SQL that reproduces the database's state from the migrations' one
   * @param restoreSql SQL that brings the database back to the migrations' state
   */
  public record Item(
      String kind,
      String object,
      String member,
      String description,
      String liveDdl,
      String restoreSql) {}

  /**
   * @param commands what to run at the root of the Prisma project, in order
   */
  public record CatchUp(String name, String sql, List<String> commands) {}

  /**
   * @param dataLoss the statements that destroy data, named before anyone runs them
   */
  public record Restore(String sql, List<String> dataLoss) {}
}
