package io.driftwatch.core;

import io.driftwatch.core.evidence.HistoryEvidence;

/**
 * Everything an audit looks at, fetched by the adapters.
 *
 * @param schema the inputs of the schema checks (drift, coverage); empty when they do not run
 */
public record AuditInput(
    SourceSnapshot source,
    TargetSnapshot target,
    HistoryEvidence evidence,
    java.util.Optional<SchemaInput> schema) {

  public AuditInput(SourceSnapshot source, TargetSnapshot target, HistoryEvidence evidence) {
    this(source, target, evidence, java.util.Optional.empty());
  }

  public AuditInput(SourceSnapshot source, TargetSnapshot target) {
    this(source, target, HistoryEvidence.NONE);
  }
}
