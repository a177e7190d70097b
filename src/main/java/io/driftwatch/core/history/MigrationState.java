package io.driftwatch.core.history;

/**
 * What driftwatch says of one migration, with the facts each state carries (in the folder? will the
 * next {@code prisma migrate deploy} run it?).
 */
public enum MigrationState {
  /** In the folder, with a finished row that is not rolled back. */
  APPLIED(true, false),
  /** In the folder, no row at all: deploy will run it. */
  PENDING(true, true),
  /** An unfinished row and no deploy holding the lock: every deploy fails with P3009. */
  FAILED(true, false),
  /** An unfinished row while deploy holds Prisma's advisory lock: being applied right now. */
  APPLYING(true, false),
  /** Every row is rolled back and none re-applied: deploy will run it again. */
  ROLLED_BACK(true, true),
  /** Rows in the history table, no directory in the folder. */
  PHANTOM(false, false);

  private final boolean inFolder;
  private final boolean deployWillApply;

  MigrationState(boolean inFolder, boolean deployWillApply) {
    this.inFolder = inFolder;
    this.deployWillApply = deployWillApply;
  }

  public boolean inFolder() {
    return inFolder;
  }

  public boolean deployWillApply() {
    return deployWillApply;
  }
}
