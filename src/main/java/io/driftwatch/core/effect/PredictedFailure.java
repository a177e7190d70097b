package io.driftwatch.core.effect;

/**
 * A statement of a pending migration that will fail on the live database (Prisma's P3018), found by
 * playing the pending migrations over the live catalog.
 *
 * @param line the statement's line in migration.sql
 * @param object the object in the way, or missing
 * @param reason {@code already exists} or {@code does not exist}
 */
public record PredictedFailure(
    String migration, int line, String statement, String object, String reason) {

  public String message() {
    return "line " + line + ": " + object + " " + reason + " (" + statement + ")";
  }
}
