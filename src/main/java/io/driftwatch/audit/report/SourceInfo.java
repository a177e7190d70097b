package io.driftwatch.audit.report;

/**
 * What was read from the source.
 *
 * @param migrations number of migration directories; null when the source could not be read
 * @param lockProvider the provider in migration_lock.toml, null without one
 */
public record SourceInfo(String type, String location, Integer migrations, String lockProvider) {}
