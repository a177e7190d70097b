package io.driftwatch.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * An audit timeout and a lease timeout short enough for a test to outlast them: audits are stopped
 * after 6 s of work (12 s timeout, half of it kept to store the ERROR audit) and a lease not
 * renewed for 3 s is free. Connecting to a watched database may take longer than that.
 */
public class ShortAuditLimits implements QuarkusTestProfile {

  public static final int TIMEOUT_SECONDS = 12;
  public static final int WORK_SECONDS = 6;
  public static final int LEASE_SECONDS = 3;

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "driftwatch.audit.timeout", TIMEOUT_SECONDS + "s",
        "driftwatch.audit.lease-timeout", LEASE_SECONDS + "s",
        // A database that never answers then hangs past the audit's work bound, rather than ending
        // the read itself.
        "driftwatch.target.connect-timeout", "30s");
  }
}
