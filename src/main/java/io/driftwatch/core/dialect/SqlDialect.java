package io.driftwatch.core.dialect;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.NameDdl;
import io.driftwatch.core.catalog.SchemaDdl;
import io.driftwatch.core.effect.EffectReader;
import io.driftwatch.core.effect.ObjectNaming;
import io.driftwatch.core.sql.Lexicon;

/**
 * What the pure engine needs to know of the SQL a database speaks, PostgreSQL first: how its
 * scripts are lexed and read, how names and values are quoted, how unnamed objects are named, and
 * the DDL written for the objects of a catalog (catch-up, restore, reverse SQL). Pure: no I/O, no
 * framework.
 */
public interface SqlDialect {

  /** The database's name in sentences: {@code PostgreSQL}, {@code MySQL}. */
  String product();

  /**
   * Whether a migration runs as one transaction that a failure rolls back whole (PostgreSQL), or
   * each statement commits as it runs, so a failed migration keeps the statements before the one
   * that failed (MySQL, whose DDL commits implicitly).
   */
  boolean transactionalDdl();

  Quoting quoting();

  /** How its scripts are lexed: comments, strings, quoted names. */
  Lexicon lexicon();

  /** Its grammar: what a statement does to the schema, unqualified names in {@code schema}. */
  EffectReader effects(String schema);

  ObjectNaming naming();

  /** The read-only queries that check a deploy's work. */
  VerificationSql verification();

  /** The DDL for the objects of this catalog. */
  SchemaDdl ddl(Catalog catalog);

  /** The DDL that names objects without their definitions: reverse SQL's drops and renames. */
  NameDdl names();
}
