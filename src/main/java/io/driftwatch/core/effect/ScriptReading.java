package io.driftwatch.core.effect;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.sql.Lexicon;
import io.driftwatch.core.sql.PostgresLexicon;
import io.driftwatch.core.sql.SplitProblem;
import io.driftwatch.core.sql.SplitResult;
import io.driftwatch.core.sql.SqlScript;
import io.driftwatch.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One migration script split once, each statement read as {@link Effect}s (and {@link
 * StatementTrait}s) the first time anyone asks: what the lint rules and the deploy's pre-flight
 * share, so that the audit lexes a pending script one time.
 *
 * <p>The split keeps the first {@link StatementEffects#MAX_STATEMENTS} statements and counts the
 * rest. Not thread-safe: one audit reads it.
 */
public final class ScriptReading {

  private final List<SqlStatement> statements;
  private final List<SplitProblem> problems;
  private final int statementCount;
  private final EffectReader reader;
  private final Map<SqlStatement, List<Effect>> effects = new IdentityHashMap<>();
  private final Map<SqlStatement, Set<StatementTrait>> traits = new IdentityHashMap<>();

  /**
   * @param statementCount the statements of the whole script, of which {@code statements} are the
   *     first
   * @param reader the database's grammar, unqualified names in the migration's schema
   */
  public ScriptReading(
      List<SqlStatement> statements,
      List<SplitProblem> problems,
      int statementCount,
      EffectReader reader) {
    this.statements = List.copyOf(statements);
    this.problems = List.copyOf(problems);
    this.statementCount = Math.max(statementCount, this.statements.size());
    this.reader = reader;
  }

  /** Splits a script as PostgreSQL splits it; nothing is read as effects yet. */
  public static ScriptReading of(String sql, String schema) {
    return of(sql, PostgresLexicon.INSTANCE, new StatementEffects(schema));
  }

  /** Splits a script with a database's quoting rules, to read with its grammar. */
  public static ScriptReading of(String sql, Lexicon lexicon, EffectReader reader) {
    SplitResult split = SqlScript.split(sql, StatementEffects.MAX_STATEMENTS, lexicon);
    return new ScriptReading(split.statements(), split.problems(), split.count(), reader);
  }

  /** The statements kept, in order. */
  public List<SqlStatement> statements() {
    return statements;
  }

  /** What the splitter could not read; the last statement is then unparsed. */
  public List<SplitProblem> problems() {
    return problems;
  }

  /** The statements of the whole script, kept or not. */
  public int statementCount() {
    return statementCount;
  }

  /** The effects of one statement, read once. */
  public List<Effect> effects(SqlStatement statement) {
    return effects.computeIfAbsent(statement, reader::of);
  }

  /** How one statement runs, read once. */
  public Set<StatementTrait> traits(SqlStatement statement) {
    return traits.computeIfAbsent(statement, reader::traits);
  }

  /** The table a {@code CREATE TABLE} creates, from its head alone. */
  public Optional<QualifiedName> tableCreated(SqlStatement statement) {
    return reader.tableCreated(statement);
  }

  /**
   * Every effect of the script, in order, at most {@code maxEffects} of them.
   *
   * @throws StatementEffects.TooLarge when the script holds more statements than were kept, or
   *     makes over {@code maxEffects} changes
   */
  public List<Effect> all(int maxEffects) {
    if (statementCount > statements.size()) {
      throw new StatementEffects.TooLarge(
          String.format(
              Locale.ROOT,
              "it holds %,d statements, over %,d",
              statementCount,
              StatementEffects.MAX_STATEMENTS));
    }
    List<Effect> all = new ArrayList<>();
    for (SqlStatement statement : statements) {
      all.addAll(effects(statement));
      if (all.size() > maxEffects) {
        throw new StatementEffects.TooLarge(
            String.format(Locale.ROOT, "it makes over %,d schema changes", maxEffects));
      }
    }
    return all;
  }
}
