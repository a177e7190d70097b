package io.driftwatch.core.rules;

import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.lint.LintContext;
import java.util.List;

/**
 * One safety check over a pending migration's statements; it reports findings of its one {@link
 * #type()} only.
 */
public interface LintRule {

  FindingType type();

  List<Finding> check(LintContext context);

  /**
   * Whether the rule speaks of this database: a rule about PostgreSQL's locks ({@code
   * CONCURRENTLY}, {@code NOT VALID}, {@code lock_timeout}) says nothing true of MySQL.
   */
  default boolean speaks(SqlDialect dialect) {
    return true;
  }
}
