package io.driftwatch.audit;

import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.store.EnvironmentEntity;
import io.smallrye.mutiny.Uni;

/** Hears of every audit: alerts write their outbox with the report, metrics count what it found. */
public interface AuditListener {

  /**
   * Inside the transaction that stores {@code report}: what is written here commits or rolls back
   * with it. {@code previousHistoryState} is that of the environment's audit before, or null.
   */
  default Uni<Void> storing(
      EnvironmentEntity environment, AuditReport report, String previousHistoryState) {
    return Uni.createFrom().voidItem();
  }

  /** Once the audit has ended and its report (finished or stopped halfway) is stored. */
  default void audited(AuditReport report) {}
}
