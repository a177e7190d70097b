package io.driftwatch.alerts;

/** A test notification was asked for an environment whose alerts go nowhere. */
public final class NoAlertDestinationException extends RuntimeException {

  public NoAlertDestinationException(String environment) {
    super(
        "`"
            + environment
            + "` has no alert destination: set alerts.slackWebhookUrl or alerts.webhookUrl on it, "
            + "or DRIFTWATCH_ALERTS_SLACK_WEBHOOK_URL for all environments",
        null,
        false,
        false);
  }
}
