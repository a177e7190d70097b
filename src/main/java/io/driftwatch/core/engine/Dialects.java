package io.driftwatch.core.engine;

import io.driftwatch.core.TargetSnapshot;
import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.dialect.mysql.MySqlSql;
import io.driftwatch.core.dialect.postgres.PostgresSql;

/**
 * The SQL dialect of a watched database, chosen once per audit from the provider its reader
 * reports: the engine's one place that knows which dialects exist.
 */
public final class Dialects {

  private Dialects() {}

  public static SqlDialect of(TargetSnapshot target) {
    return of(target.provider());
  }

  /** By Prisma provider name: {@code mysql} (MySQL and MariaDB), else PostgreSQL. */
  public static SqlDialect of(String provider) {
    return "mysql".equals(provider) ? MySqlSql.INSTANCE : PostgresSql.INSTANCE;
  }
}
