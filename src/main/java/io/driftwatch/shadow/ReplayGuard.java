package io.driftwatch.shadow;

import java.util.Optional;

/**
 * What a script must not be before it is sent to the shadow server, because nothing could stop it
 * once sent.
 *
 * <p>PostgreSQL's SQL lexer checks for no interrupt: while it reads a script, neither {@code
 * statement_timeout}, nor a cancel, nor {@code pg_terminate_backend} reaches the backend. And it
 * reads runs of operator characters ({@code + - * / < > = ~ ! @ # % ^ & | ` ?}) in time quadratic
 * in their length: an operator it has to cut short (a trailing {@code +} or {@code -}, an embedded
 * {@code /*} or {@code --}) is matched again from the cut, and so is a comment start followed by
 * operator characters. Measured on PostgreSQL 15: 65,536 {@code +} take 19 s, 524,288 nested {@code
 * /*} kept a server busy for 19.5 minutes, and every {@code DROP DATABASE} on it waited behind
 * them. The guard adds up the squared length of every such run anywhere in the script (inside
 * comments and dollar quotes too: function and DO bodies are read again when they are created) and
 * refuses a script over a budget worth a fraction of a second of lexing; a real migration's runs
 * are a few characters long (a banner comment line of 120 dashes costs 14,400 of the 33,554,432). A
 * script over the size limit is not sent either.
 *
 * <p>Hand-written rather than borrowed: no library models PostgreSQL's lexer costs; the loop is the
 * model.
 */
final class ReplayGuard {

  /**
   * Squared run lengths allowed in one script: one run of 5,792 characters, a third of a second of
   * lexing.
   */
  static final long LEXER_BUDGET = 1L << 25;

  private static final String OPERATOR_CHARACTERS = "~!@#^&|`?+-*/%<>=";

  private ReplayGuard() {}

  /** Why the script must not be sent, or empty when it may be. */
  static Optional<String> refusal(String sql, long maxBytes) {
    long bytes = utf8Length(sql);
    if (bytes > maxBytes) {
      return Optional.of(
          "it is "
              + String.format("%,d", bytes)
              + " bytes, over the replay limit of "
              + String.format("%,d", maxBytes)
              + " (driftwatch.shadow.max-script-bytes)");
    }
    long cost = 0;
    int run = 0;
    int longest = 0;
    int longestLine = 1;
    int line = 1;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (OPERATOR_CHARACTERS.indexOf(c) >= 0) {
        run++;
        continue;
      }
      cost += (long) run * run;
      if (run > longest) {
        longest = run;
        longestLine = line;
      }
      run = 0;
      if (c == '\n') {
        line++;
      }
    }
    cost += (long) run * run;
    if (run > longest) {
      longest = run;
      longestLine = line;
    }
    if (cost > LEXER_BUDGET) {
      return Optional.of(
          "its runs of operator characters (the longest: "
              + String.format("%,d", longest)
              + " at line "
              + longestLine
              + ") would keep PostgreSQL's lexer busy beyond any timeout's reach; no schema "
              + "change is written like this");
    }
    return Optional.empty();
  }

  private static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
