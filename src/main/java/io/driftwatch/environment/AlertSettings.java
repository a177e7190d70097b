package io.driftwatch.environment;

import io.driftwatch.core.finding.Severity;

/**
 * Where an environment's alerts go and from which severity.
 *
 * @param slackWebhookUrl the environment's own Slack incoming webhook (a secret); null keeps the
 *     stored one
 * @param webhookUrl a generic JSON webhook (a secret); null keeps the stored one
 * @param minSeverity the least severity that alerts; null uses the tier's default
 */
public record AlertSettings(String slackWebhookUrl, String webhookUrl, Severity minSeverity) {}
