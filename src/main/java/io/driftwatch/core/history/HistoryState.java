package io.driftwatch.core.history;

/** How the history table and the folder line up, as a whole. */
public enum HistoryState {
  /** Every folder migration is applied and every applied migration is in the folder. */
  IN_SYNC,
  /** The folder has migrations that deploy will run. */
  DATABASE_BEHIND,
  /** The database has migrations the folder does not (phantoms). */
  FOLDER_BEHIND,
  /** Both at once; the last common migration says where the two histories split. */
  DIVERGED,
  /**
   * No {@code _prisma_migrations} table in a schema that holds tables: a baseline is needed
   * (P3005).
   */
  NOT_MANAGED
}
