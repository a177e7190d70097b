package io.driftwatch.core.history;

/** Which system keeps a database's migration history. */
public enum HistoryOwner {
  /** Prisma Migrate (Prisma 6 and 7): {@code _prisma_migrations}. */
  PRISMA_MIGRATE,
  /**
   * Prisma 8: the marker and ledger ({@link ContractState}); {@code _prisma_migrations}, if
   * present, is inert (Prisma 8 ignores it after {@code db sign}).
   */
  PRISMA_8,
  /**
   * Both, during a 7 → 8 hand-over: Prisma 8's tables exist while {@code _prisma_migrations} is
   * still written to, or was never signed over.
   */
  HYBRID
}
