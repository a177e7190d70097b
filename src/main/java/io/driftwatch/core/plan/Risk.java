package io.driftwatch.core.plan;

/** How much can go wrong when a step is carried out. */
public enum Risk {
  /** Reads or records only. */
  NONE,
  /** Changes the history table, or the schema in a way checked beforehand. */
  LOW,
  /** Changes the schema; reversible, or checked only in part. */
  MEDIUM,
  /** Can lose data or lock a live table: read the note first. */
  HIGH
}
