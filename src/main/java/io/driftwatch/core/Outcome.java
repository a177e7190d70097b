package io.driftwatch.core;

/** The one-word verdict of an audit. */
public enum Outcome {
  /** Nothing at warning level or above. */
  CLEAN,
  /** At least one warning: the database and the folder disagree. */
  DRIFT,
  /** The audit could not look (unreachable database, unreadable folder). */
  ERROR
}
