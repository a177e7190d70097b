package io.driftwatch.core;

import io.driftwatch.core.evidence.HistoryEvidence;
import java.util.Optional;

/**
 * Everything an audit looks at, fetched by the adapters.
 *
 * @param schema the inputs of the schema checks (drift, coverage); empty when they do not run
 */
public record AuditInput(
    SourceSnapshot source,
    TargetSnapshot target,
    HistoryEvidence evidence,
    Optional<SchemaInput> schema) {

  public AuditInput(SourceSnapshot source, TargetSnapshot target, HistoryEvidence evidence) {
    this(source, target, evidence, Optional.empty());
  }

  public AuditInput(SourceSnapshot source, TargetSnapshot target) {
    this(source, target, HistoryEvidence.NONE);
  }
}
