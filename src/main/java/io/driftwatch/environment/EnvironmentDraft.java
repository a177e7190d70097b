package io.driftwatch.environment;

import io.driftwatch.source.SourceSpec;

/**
 * What a caller asks to store.
 *
 * @param databaseUrl Prisma's DATABASE_URL; null on update keeps the stored one
 */
public record EnvironmentDraft(String name, Tier tier, String databaseUrl, SourceSpec source) {}
