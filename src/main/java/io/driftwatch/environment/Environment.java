package io.driftwatch.environment;

import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.gate.GatePolicy;
import io.driftwatch.source.SourceSpec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A watched environment as the rest of the service sees it: never with its credentials in clear.
 *
 * @param gate the policy its checks are judged by when a call brings none: the default, with the
 *     lists the environment sets in its place
 */
public record Environment(
    UUID id,
    String name,
    Tier tier,
    String databaseUrlMasked,
    SourceSpec source,
    boolean hasSourceCredentials,
    Schedule schedule,
    boolean hasSlackWebhook,
    boolean hasWebhook,
    Severity alertsMinSeverity,
    List<String> schemaIgnore,
    boolean hasShadowDatabaseUrl,
    Instant createdAt,
    Instant updatedAt,
    GatePolicy gate) {

  /** The same environment read from another source: a check of a ref. */
  public Environment withSource(SourceSpec other) {
    return new Environment(
        id,
        name,
        tier,
        databaseUrlMasked,
        other,
        hasSourceCredentials,
        schedule,
        hasSlackWebhook,
        hasWebhook,
        alertsMinSeverity,
        schemaIgnore,
        hasShadowDatabaseUrl,
        createdAt,
        updatedAt,
        gate);
  }
}
