package io.driftwatch.audit.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why an audit could not look, or where it was when it was stopped.
 *
 * @param stage SOURCE (the migrations folder) or DATABASE (the watched database) for a side that
 *     could not be read; for an audit stopped by its timeout or a shutdown, the stage it was in:
 *     READING (both sides), SOURCE, DATABASE, SHADOW (replaying the migrations), JUDGING, PLANNING
 *     or STORING
 */
public record AuditError(Stage stage, String message) {

  /** Where an audit failed or was stopped; its name is the stored and served value. */
  @Schema(name = "AuditStage")
  public enum Stage {
    SOURCE,
    DATABASE,
    READING,
    SHADOW,
    JUDGING,
    PLANNING,
    STORING
  }
}
