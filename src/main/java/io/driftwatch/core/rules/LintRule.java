package io.driftwatch.core.rules;

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
}
