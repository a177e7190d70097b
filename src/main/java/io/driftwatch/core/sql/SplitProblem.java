package io.driftwatch.core.sql;

import java.util.Objects;

/**
 * A construct the splitter could not close: where it started and what it was. The statement holding
 * it, and everything after it, is returned as one statement marked {@link SqlStatement#unparsed()}.
 *
 * @param offset index in the script where the construct starts
 * @param line 1-based line of {@code offset}
 * @param column 1-based column of {@code offset}, in code points
 */
public record SplitProblem(Code code, int offset, int line, int column, String message) {

  /** What was left open at the end of the script. */
  public enum Code {
    /** {@code '...'}, {@code E'...'} or {@code U&'...'} without its closing quote. */
    UNTERMINATED_STRING("unterminated quoted string"),
    /** {@code "..."} without its closing double quote. */
    UNTERMINATED_QUOTED_IDENTIFIER("unterminated quoted identifier"),
    /** {@code $$...} or {@code $tag$...} without the same delimiter closing it. */
    UNTERMINATED_DOLLAR_QUOTED_STRING("unterminated dollar-quoted string"),
    /** {@code /*} without its matching close (block comments nest). */
    UNTERMINATED_BLOCK_COMMENT("unterminated /* comment"),
    /** {@code (} never closed: psql would keep reading, so every later semicolon is swallowed. */
    UNCLOSED_PARENTHESIS("unclosed parenthesis"),
    /** A {@code BEGIN} in a function or procedure body never closed by {@code END}. */
    UNCLOSED_BEGIN_BLOCK("BEGIN without END in a function or procedure body");

    private final String description;

    Code(String description) {
      this.description = description;
    }

    /** The condition in words, e.g. "unterminated quoted string". */
    public String description() {
      return description;
    }
  }

  public SplitProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
