package io.driftwatch.core;

import io.driftwatch.core.evidence.HistoryEvidence;

/** Everything an audit looks at, fetched by the adapters. */
public record AuditInput(SourceSnapshot source, TargetSnapshot target, HistoryEvidence evidence) {

  public AuditInput(SourceSnapshot source, TargetSnapshot target) {
    this(source, target, HistoryEvidence.NONE);
  }
}
