package io.driftwatch.alerts;

/** How a destination's messages are shaped: Slack Block Kit, or the generic JSON webhook. */
public enum AlertChannel {
  SLACK,
  WEBHOOK
}
