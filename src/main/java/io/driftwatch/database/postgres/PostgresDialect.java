package io.driftwatch.database.postgres;

import io.driftwatch.database.CatalogReader;
import io.driftwatch.database.DatabaseDialect;
import io.driftwatch.database.TargetReader;
import io.driftwatch.database.UrlSyntax;
import jakarta.enterprise.context.ApplicationScoped;

/** PostgreSQL, the first dialect: its URL syntax, its target reader and its catalog reader. */
@ApplicationScoped
public class PostgresDialect implements DatabaseDialect {

  private final PostgresTargetReader targets;
  private final PostgresCatalogReader catalogs;

  public PostgresDialect(PostgresTargetReader targets, PostgresCatalogReader catalogs) {
    this.targets = targets;
    this.catalogs = catalogs;
  }

  @Override
  public UrlSyntax urlSyntax() {
    return PostgresUrlSyntax.INSTANCE;
  }

  @Override
  public TargetReader targets() {
    return targets;
  }

  @Override
  public CatalogReader catalogs() {
    return catalogs;
  }
}
