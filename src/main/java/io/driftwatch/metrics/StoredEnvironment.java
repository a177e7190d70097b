package io.driftwatch.metrics;

import io.driftwatch.audit.report.AuditSummary;

/**
 * An environment as the store holds it, read in one statement so the parts agree.
 *
 * @param latest its newest audit; null before the first
 * @param latestSuccessful its newest audit that could read both sides; null if none could
 * @param errorStreak how many audits in a row, up to the newest, ended in ERROR
 */
record StoredEnvironment(
    WatchedEnvironment environment,
    AuditSummary latest,
    AuditSummary latestSuccessful,
    long errorStreak) {}
