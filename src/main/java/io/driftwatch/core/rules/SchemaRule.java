package io.driftwatch.core.rules;

import io.driftwatch.core.SchemaContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import java.util.List;

/**
 * One check over the schemas (drift, coverage); it reports findings of its one {@link #type()}
 * only.
 */
public interface SchemaRule {

  FindingType type();

  List<Finding> check(SchemaContext context);
}
