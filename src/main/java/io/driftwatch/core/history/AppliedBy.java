package io.driftwatch.core.history;

/** How the row that counts for an applied migration came to be. */
public enum AppliedBy {
  /** {@code prisma migrate deploy} or {@code dev} ran the script. */
  DEPLOY,
  /** {@code prisma migrate resolve --applied}: recorded without running the script. */
  RESOLVE_APPLIED
}
