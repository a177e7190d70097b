package io.driftwatch.metrics;

import java.time.Instant;

/**
 * What the metrics need of an environment before any audit: its labels, when it was created and its
 * schedule (a Quartz cron, and whether it is paused).
 */
public record WatchedEnvironment(
    String name, String tier, Instant createdAt, String cron, boolean paused) {}
