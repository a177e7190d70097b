package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import java.util.List;

/** One check over the joined history; it reports findings of its one {@link #type()} only. */
public interface HistoryRule {

  FindingType type();

  List<Finding> check(AuditContext context);

  /**
   * Whether the rule judges {@code _prisma_migrations}: such a rule does not run on a database
   * Prisma 8 owns, where that table is inert.
   */
  default boolean readsMigrateHistory() {
    return true;
  }
}
