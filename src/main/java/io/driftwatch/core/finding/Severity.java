package io.driftwatch.core.finding;

/** How much a finding matters, least first. */
public enum Severity {
  /** Worth knowing; nothing to do. */
  INFO,
  /** Something will surprise the next deploy or a teammate. */
  WARNING,
  /** History and the database disagree: act before the next deploy. */
  ERROR,
  /** Deploys are blocked or will fail. */
  CRITICAL;

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
