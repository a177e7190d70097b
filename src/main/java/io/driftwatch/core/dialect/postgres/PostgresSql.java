package io.driftwatch.core.dialect.postgres;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.CatalogDdl;
import io.driftwatch.core.catalog.NameDdl;
import io.driftwatch.core.catalog.PostgresNameDdl;
import io.driftwatch.core.catalog.SchemaDdl;
import io.driftwatch.core.dialect.Quoting;
import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.dialect.VerificationSql;
import io.driftwatch.core.effect.EffectReader;
import io.driftwatch.core.effect.ImplicitName;
import io.driftwatch.core.effect.ObjectNaming;
import io.driftwatch.core.effect.StatementEffects;
import io.driftwatch.core.sql.Lexicon;
import io.driftwatch.core.sql.PostgresLexicon;
import java.util.function.Predicate;

/**
 * PostgreSQL as Prisma writes it: identifiers double-quoted with inner quotes doubled, literals
 * single-quoted ({@code standard_conforming_strings} on), unnamed objects named as PostgreSQL's
 * {@code ChooseRelationName} does ({@link ImplicitName}).
 */
public final class PostgresSql implements SqlDialect, Quoting, ObjectNaming {

  public static final PostgresSql INSTANCE = new PostgresSql();

  private PostgresSql() {}

  @Override
  public String product() {
    return "PostgreSQL";
  }

  @Override
  public boolean transactionalDdl() {
    return true;
  }

  @Override
  public Quoting quoting() {
    return this;
  }

  @Override
  public Lexicon lexicon() {
    return PostgresLexicon.INSTANCE;
  }

  @Override
  public EffectReader effects(String schema) {
    return new StatementEffects(schema);
  }

  @Override
  public ObjectNaming naming() {
    return this;
  }

  @Override
  public VerificationSql verification() {
    return PostgresVerificationSql.INSTANCE;
  }

  @Override
  public SchemaDdl ddl(Catalog catalog) {
    return new CatalogDdl(catalog);
  }

  @Override
  public NameDdl names() {
    return PostgresNameDdl.INSTANCE;
  }

  @Override
  public String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  @Override
  public String literal(String value) {
    return '\'' + value.replace("'", "''") + '\'';
  }

  @Override
  public String choose(ImplicitName name, Predicate<String> taken, String checkColumn) {
    return name.choose(taken, checkColumn);
  }
}
