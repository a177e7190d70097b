package io.driftwatch.database;

/**
 * One database provider driftwatch reads (PostgreSQL today): how its URLs are written and how its
 * history table and catalog are read. Pools are opened by its {@link PoolFactory}. A second
 * provider is a second implementation, picked by {@link DatabaseDialects} from the URL's scheme.
 */
public interface DatabaseDialect {

  UrlSyntax urlSyntax();

  TargetReader targets();

  CatalogReader catalogs();
}
