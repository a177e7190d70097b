package io.driftwatch.core.plan;

import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.ScriptReading;
import io.driftwatch.core.effect.StatementEffects;
import io.driftwatch.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A migration script read as effects, and the helpers the plan's parts share. */
final class ScriptEffects {

  private ScriptEffects() {}

  /**
   * The effects of a failed or phantom migration's script; none when it is too large to read, or
   * the reader fails on it (see {@code RuleFailure} for what is caught): its triage is then
   * unverifiable, never a failed plan.
   */
  static List<Effect> of(String sql, String schema, SqlDialect dialect) {
    try {
      return ScriptReading.of(sql, dialect.lexicon(), dialect.effects(schema))
          .all(StatementEffects.MAX_EFFECTS);
    } catch (RuntimeException | StackOverflowError unreadable) {
      return List.of();
    }
  }

  /**
   * Every effect is written to be run twice ({@code IF NOT EXISTS}, {@code IF EXISTS}, {@code OR
   * REPLACE}, {@code ON CONFLICT DO NOTHING}); a script with an unread statement is not.
   */
  static boolean idempotent(List<Effect> effects) {
    return !effects.isEmpty() && effects.stream().allMatch(Effect::guarded);
  }

  /** The statements of these effects, each once, in script order, as written. */
  static List<String> statements(List<Effect> effects) {
    Set<SqlStatement> seen = new LinkedHashSet<>();
    effects.forEach(effect -> seen.add(effect.statement()));
    List<String> texts = new ArrayList<>();
    seen.forEach(statement -> texts.add(text(statement)));
    return texts;
  }

  static String text(SqlStatement statement) {
    String text = statement.text().strip();
    return text.endsWith(";") ? text : text + ";";
  }
}
