package io.driftwatch.audit;

import io.driftwatch.audit.report.AuditError.Stage;

/** Where an audit is: what an audit stopped by its timeout or by a shutdown names. */
enum AuditStage {
  READING(Stage.READING, "reading the migrations folder and the database"),
  READING_SOURCE(Stage.SOURCE, "reading the migrations folder (the database was read)"),
  READING_DATABASE(Stage.DATABASE, "reading the database (the migrations folder was read)"),
  REPLAYING(Stage.SHADOW, "replaying the migrations on the shadow server"),
  JUDGING(Stage.JUDGING, "judging the history and the schema"),
  PLANNING(Stage.PLANNING, "writing the resolution plan"),
  STORING(Stage.STORING, "storing the audit");

  /** The {@link AuditError#stage()} of an audit stopped here. */
  final Stage error;

  /** What the audit was doing, for the error's message. */
  final String doing;

  AuditStage(Stage error, String doing) {
    this.error = error;
    this.doing = doing;
  }
}
