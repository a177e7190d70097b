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

  /**
   * The name the token stands for: an unquoted word folded to lower case, a quoted one as written;
   * cut to {@link #MAX_NAME_BYTES} bytes as the server cuts it, so a megabyte-long name is the name
   * PostgreSQL would make of it (and costs what a name costs).
   */
  public String name() {
    return truncatedName(kind == Kind.WORD ? raw.toLowerCase(Locale.ROOT) : value);
  }

  /**
   * NAMEDATALEN - 1: the longest name PostgreSQL keeps, in bytes; a longer one is cut (with a
   * NOTICE).
   */
  public static final int MAX_NAME_BYTES = 63;

  /**
   * The name cut to {@link #MAX_NAME_BYTES} bytes of UTF-8 at a character boundary, as {@code
   * truncate_identifier}.
   */
  public static String truncatedName(String name) {
    return truncated(name, MAX_NAME_BYTES);
  }

  /**
   * The longest start of {@code name} of at most {@code maxBytes} bytes of UTF-8 that ends on a
   * character.
   */
  public static String truncated(String name, int maxBytes) {
    if (name.length() <= maxBytes / 4) {
      return name; // at most four bytes a character: short enough whatever it holds
    }
    int bytes = 0;
    for (int i = 0; i < name.length(); i++) {
      int codePoint = name.codePointAt(i);
      int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
      if (bytes + size > maxBytes) {
        return name.substring(0, i);
      }
      bytes += size;
      if (Character.isSupplementaryCodePoint(codePoint)) {
        i++;
      }
    }
    return name;
  }
}
