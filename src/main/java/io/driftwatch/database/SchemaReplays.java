package io.driftwatch.database;

import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ReplayPlan;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * Replays a migration folder on a shadow server of the watched database's kind and reads the schema
 * it builds, as {@code prisma migrate diff --from-migrations} does: the port the audit gathers the
 * expected schema through. PostgreSQL's is {@code shadow.ExpectedSchemas}.
 */
public interface SchemaReplays {

  /**
   * The schema the plan's migrations build, on the environment's own shadow server when it names
   * one, else on the global one.
   *
   * @return a failure {@link ShadowUnavailableException} when no shadow server can host the replay
   */
  Uni<ExpectedSchema> of(ReplayPlan plan, Optional<PrismaDatabaseUrl> own);
}
