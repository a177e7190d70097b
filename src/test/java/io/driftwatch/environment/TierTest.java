package io.driftwatch.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.driftwatch.core.finding.Severity;
import org.junit.jupiter.api.Test;

class TierTest {

  @Test
  void production_alerts_from_warnings_and_development_only_on_what_breaks() {
    assertEquals(Severity.WARNING, Tier.PRODUCTION.defaultAlertSeverity());
    assertEquals(Severity.ERROR, Tier.STAGING.defaultAlertSeverity());
    assertEquals(Severity.ERROR, Tier.OTHER.defaultAlertSeverity());
    assertEquals(Severity.CRITICAL, Tier.DEVELOPMENT.defaultAlertSeverity());
  }

  @Test
  void a_tier_is_read_from_its_label_and_an_unknown_one_is_named() {
    assertEquals(Tier.STAGING, Tier.parse("staging"));
    InvalidEnvironmentException e =
        assertThrows(InvalidEnvironmentException.class, () -> Tier.parse("prod"));
    assertEquals(
        "tier must be one of production, staging, development, other (got `prod`)", e.getMessage());
  }
}
