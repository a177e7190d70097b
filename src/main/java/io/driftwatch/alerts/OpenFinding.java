package io.driftwatch.alerts;

import io.driftwatch.store.OpenFindingEntity;
import java.time.Instant;

/**
 * An open finding of an environment as the alerts keep it: what the API serves, read from the
 * store's row once, inside the session that loaded it.
 *
 * @param fingerprint stable across audits: the code and the migration
 * @param acknowledgedUntil reminders resume after it; null with acknowledgedAt set: for good
 */
public record OpenFinding(
    String fingerprint,
    String code,
    String name,
    String severity,
    String migration,
    Instant firstSeenAt,
    Instant lastSeenAt,
    Instant lastNotifiedAt,
    Instant acknowledgedAt,
    Instant acknowledgedUntil,
    String acknowledgedComment) {

  static OpenFinding of(OpenFindingEntity f) {
    return new OpenFinding(
        f.fingerprint,
        f.code,
        f.name,
        f.severity,
        f.migration,
        f.firstSeenAt,
        f.lastSeenAt,
        f.lastNotifiedAt,
        f.acknowledgedAt,
        f.acknowledgedUntil,
        f.acknowledgedComment);
  }
}
