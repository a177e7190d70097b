package io.driftwatch.core.engine;

import io.driftwatch.core.TargetSnapshot;
import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.dialect.postgres.PostgresSql;

/**
 * The SQL dialect of a watched database, chosen once per audit from the provider its reader
 * reports: the engine's one place that knows which dialects exist. PostgreSQL is the only one yet;
 * a second database adds its dialect here.
 */
public final class Dialects {

  private Dialects() {}

  public static SqlDialect of(TargetSnapshot target) {
    return PostgresSql.INSTANCE; // whatever target.provider() says, until a second one exists
  }
}
