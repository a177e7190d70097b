package io.driftwatch.core.sql;

import java.util.Locale;

/**
 * One token of a statement as PostgreSQL's lexer reads it.
 *
 * @param value a word upper-cased; a quoted name or a string with its quotes removed and doubled
 *     quotes (or E'' escapes) undone; a symbol as written
 * @param raw the token as written in the script
 */
public record SqlToken(Kind kind, String value, String raw) {

  public enum Kind {
    /** An unquoted word: a keyword or a name PostgreSQL folds to lower case. */
    WORD,
    /** A double-quoted name, kept as written. */
    QUOTED_NAME,
    /** A string constant: {@code 'x'}, {@code E'x'}, or a dollar-quoted body. */
    STRING,
    NUMBER,
    /** Punctuation and operators, one character each except {@code ::}. */
    SYMBOL
  }

  /** True for a word or a quoted name: something that can name an object. */
  public boolean isName() {
    return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
  }

  /** True for this unquoted word, in any case. */
  public boolean isWord(String word) {
    return kind == Kind.WORD && value.equals(word);
  }

  public boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && value.equals(symbol);
  }

  /** The name the token stands for: an unquoted word folded to lower case, a quoted one as written. */
  public String name() {
    return kind == Kind.WORD ? raw.toLowerCase(Locale.ROOT) : value;
  }
}
