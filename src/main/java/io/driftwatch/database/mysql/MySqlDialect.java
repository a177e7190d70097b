package io.driftwatch.database.mysql;

import io.driftwatch.database.CatalogReader;
import io.driftwatch.database.DatabaseDialect;
import io.driftwatch.database.TargetReader;
import io.driftwatch.database.UrlSyntax;
import jakarta.enterprise.context.ApplicationScoped;

/** MySQL and MariaDB (Prisma's {@code mysql} provider): its URL syntax and its readers. */
@ApplicationScoped
public class MySqlDialect implements DatabaseDialect {

  private final MySqlTargetReader targets;
  private final MySqlCatalogReader catalogs;

  public MySqlDialect(MySqlTargetReader targets, MySqlCatalogReader catalogs) {
    this.targets = targets;
    this.catalogs = catalogs;
  }

  @Override
  public UrlSyntax urlSyntax() {
    return MySqlUrlSyntax.INSTANCE;
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
