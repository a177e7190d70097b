package io.driftwatch.database;

import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ReplayPlan;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * Replays a migration folder on a shadow server of the watched database's kind and reads the schema
 * it builds, as {@code prisma migrate diff --from-migrations} does: the port the audit gathers the
 * expected schema through: {@code shadow.ExpectedSchemas} (PostgreSQL's shadow servers and
 * MySQL's).
 */
public interface SchemaReplays {

  /**
   * The schema the plan's migrations build, on the environment's own shadow server when it names
   * one, else on the global one of the watched database's kind.
   *
   * @param provider the watched database's provider ({@code postgresql}, {@code mysql}): its
   *     migrations replay on a server of that kind only
   * @return a failure {@link ShadowUnavailableException} when no shadow server can host the replay
   */
  Uni<ExpectedSchema> of(ReplayPlan plan, Optional<PrismaDatabaseUrl> own, String provider);
}
