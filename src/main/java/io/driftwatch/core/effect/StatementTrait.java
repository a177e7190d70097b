package io.driftwatch.core.effect;

/**
 * How a statement runs, rather than what it changes: read once by {@link StatementEffects#traits}
 * for the rules on locks and transactions.
 */
public enum StatementTrait {
  /**
   * Runs {@code CONCURRENTLY} ({@code CREATE INDEX}, {@code DROP INDEX}, {@code REINDEX}, {@code
   * REFRESH MATERIALIZED VIEW}, {@code ALTER TABLE ... DETACH PARTITION}): writes go on, and
   * PostgreSQL refuses it inside a transaction block.
   */
  CONCURRENTLY,
  /**
   * Sets {@code lock_timeout} ({@code SET [SESSION | LOCAL] lock_timeout ...}, or {@code
   * set_config('lock_timeout', ...)}): the statements after it give up waiting for a lock.
   */
  SETS_LOCK_TIMEOUT
}
