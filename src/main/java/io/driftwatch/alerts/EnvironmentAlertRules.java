package io.driftwatch.alerts;

import io.driftwatch.environment.AlertDestinationRules;
import io.driftwatch.environment.AlertSettings;
import io.driftwatch.store.EnvironmentEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The alert rules an environment's settings must meet, as the environment package asks for them.
 */
@ApplicationScoped
public class EnvironmentAlertRules implements AlertDestinationRules {

  private final AlertDestinations destinations;
  private final NewDestinationAnnouncer announcer;

  public EnvironmentAlertRules(AlertDestinations destinations, NewDestinationAnnouncer announcer) {
    this.destinations = destinations;
    this.announcer = announcer;
  }

  @Override
  public void check(String webhookUrl) {
    destinations.check(webhookUrl);
  }

  @Override
  public Announcement changedBy(EnvironmentEntity stored, AlertSettings next) {
    Set<AlertChannel> channels = announcer.changedBy(stored, next);
    return updated -> announcer.announce(updated, channels).replaceWithVoid();
  }
}
