package io.driftwatch.core;

/** Everything an audit looks at, fetched by the adapters. */
public record AuditInput(SourceSnapshot source, TargetSnapshot target) {}
