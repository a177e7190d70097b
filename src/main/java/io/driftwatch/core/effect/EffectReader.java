package io.driftwatch.core.effect;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.sql.SqlStatement;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a statement as what it does to the schema: the one reading of SQL that the lint rules, the
 * pre-flight, data at risk, reverse SQL and triage all share. Each database's grammar is one
 * reader; PostgreSQL's is {@link StatementEffects}.
 */
public interface EffectReader {

  /** The effects of one statement; one {@link Effect.Action#UNKNOWN} effect when it is not read. */
  List<Effect> of(SqlStatement statement);

  /** How the statement runs: CONCURRENTLY, setting lock_timeout. */
  Set<StatementTrait> traits(SqlStatement statement);

  /** The table a {@code CREATE TABLE} creates, read from its head alone. */
  Optional<QualifiedName> tableCreated(SqlStatement statement);
}
