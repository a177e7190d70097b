package io.driftwatch.core.dialect;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.SchemaDdl;

/**
 * What the pure engine needs to know of the SQL a database speaks, PostgreSQL first: how names and
 * values are quoted, how unnamed objects are named, and the DDL written for the objects of a
 * catalog (catch-up, restore, reverse SQL). Pure: no I/O, no framework.
 */
public interface SqlDialect {

  Quoting quoting();

  ObjectNaming naming();

  /** The read-only queries that check a deploy's work. */
  VerificationSql verification();

  /** The DDL for the objects of this catalog. */
  SchemaDdl ddl(Catalog catalog);
}
