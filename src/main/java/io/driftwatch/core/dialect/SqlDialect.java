package io.driftwatch.core.dialect;

/**
 * What the pure engine needs to know of the SQL a database speaks, PostgreSQL first: how names and
 * values are quoted and how unnamed objects are named. Pure: no I/O, no framework.
 */
public interface SqlDialect {

  Quoting quoting();

  ObjectNaming naming();
}
