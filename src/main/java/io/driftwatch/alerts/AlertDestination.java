package io.driftwatch.alerts;

/**
 * One place an environment's alerts go.
 *
 * @param secret the webhook URL, encrypted
 */
record AlertDestination(AlertChannel channel, String secret) {}
