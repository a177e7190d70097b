package io.driftwatch.environment;

import io.driftwatch.source.SourceSpec;
import io.driftwatch.source.git.GitCredentials;
import java.util.List;

/**
 * What a caller asks to store.
 *
 * @param databaseUrl Prisma's DATABASE_URL; null on update keeps the stored one
 * @param credentials the git source's credentials; null on update keeps the stored ones while the
 *     URL's scheme, host and port stay the same (another of them drops them)
 * @param schedule null: the default on create, the stored one on update
 * @param alerts null keeps the stored settings (none on create: the global webhook, the tier's
 *     threshold)
 * @param ignore globs of objects drift and coverage leave out; null keeps the stored ones
 * @param shadowDatabaseUrl where this environment's migrations are replayed (a secret); null keeps
 *     the stored one, an empty string removes it
 */
public record EnvironmentDraft(
    String name,
    Tier tier,
    String databaseUrl,
    SourceSpec source,
    GitCredentials credentials,
    Schedule schedule,
    AlertSettings alerts,
    List<String> ignore,
    String shadowDatabaseUrl,
    GateSetting gate) {

  public EnvironmentDraft(String name, Tier tier, String databaseUrl, SourceSpec source) {
    this(name, tier, databaseUrl, source, null, null, null, null, null, null);
  }
}
