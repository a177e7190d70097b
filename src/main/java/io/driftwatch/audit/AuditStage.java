package io.driftwatch.audit;

import io.driftwatch.audit.report.AuditError;

/** Where an audit is: what an audit stopped by its timeout or by a shutdown names. */
enum AuditStage {
  READING(AuditError.READING, "reading the migrations folder and the database"),
  READING_SOURCE(AuditError.SOURCE, "reading the migrations folder (the database was read)"),
  READING_DATABASE(AuditError.DATABASE, "reading the database (the migrations folder was read)"),
  REPLAYING(AuditError.SHADOW, "replaying the migrations on the shadow server"),
  JUDGING(AuditError.JUDGING, "judging the history and the schema"),
  PLANNING(AuditError.PLANNING, "writing the resolution plan"),
  STORING(AuditError.STORING, "storing the audit");

  /** The {@link AuditError#stage()} of an audit stopped here. */
  final String error;

  /** What the audit was doing, for the error's message. */
  final String doing;

  AuditStage(String error, String doing) {
    this.error = error;
    this.doing = doing;
  }
}
