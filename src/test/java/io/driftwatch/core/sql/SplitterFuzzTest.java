package io.driftwatch.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random scripts from fragments of the tricky constructs, concatenated and cut anywhere: the
 * splitter never throws or hangs, and what it returns is always consistent with the input. A
 * failure prints the seed and the script.
 */
class SplitterFuzzTest {

  private static final List<String> FRAGMENTS =
      List.of(
          "SELECT 1",
          ";",
          ";;",
          " ",
          "\n",
          "\r\n",
          "\r",
          "\t",
          "'",
          "''",
          "'a;b'",
          "E'",
          "e'x\\'y'",
          "E'\\\\'",
          "\\",
          "U&'d\\0061'",
          "\"",
          "\"a;\"\"b\"",
          "$",
          "$$",
          "$1",
          "$a$",
          "$tag$ ; $tag$",
          "$body$",
          "a$b$",
          "$_1$",
          "--",
          "-- c;\n",
          "-",
          "/",
          "/*",
          "*/",
          "/* x /* y */ z */",
          "*",
          "(",
          ")",
          "( ; )",
          "CREATE",
          " FUNCTION ",
          "CREATE OR REPLACE PROCEDURE p() ",
          "BEGIN",
          " ATOMIC ",
          " END",
          "CASE",
          "END;",
          "DO $$ BEGIN PERFORM 1; END $$;",
          "BEGIN;",
          "COMMIT;",
          "CREATE INDEX CONCURRENTLY i ON t (a);",
          "CREATE TABLE \"User\" (\"id\" SERIAL NOT NULL, CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\"));",
          "é",
          "\uD83D\uDE00",
          "\uD83D",
          "\u0000",
          "\f",
          "\u000B");

  @Test
  void random_scripts_split_consistently() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          Random seeds = new Random(20261121L);
          int clean = 0;
          int withProblems = 0;
          for (int round = 0; round < 20_000; round++) {
            long seed = seeds.nextLong();
            String sql = script(new Random(seed));
            try {
              if (check(sql)) {
                clean++;
              } else {
                withProblems++;
              }
            } catch (AssertionError | RuntimeException e) {
              throw new AssertionError(
                  "seed " + seed + ", script:\n" + sql.replace("\r", "\\r"), e);
            }
          }
          assertThat(clean).as("clean scripts generated").isGreaterThan(2_000);
          assertThat(withProblems).as("scripts with problems generated").isGreaterThan(2_000);
        });
  }

  @Test
  void pathological_inputs_stay_linear() {
    List<String> units =
        List.of("/*", "$a", "$a$", "(", "'", "E'\\", ";", "a$", "-", "*/", "BEGIN ", "x");
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          for (String unit : units) {
            String sql = "CREATE FUNCTION f() " + unit.repeat(1_000_000 / unit.length());
            check(sql);
          }
        });
  }

  private static String script(Random random) {
    StringBuilder sql = new StringBuilder();
    if (random.nextInt(10) == 0) {
      sql.append('\uFEFF');
    }
    int pieces = random.nextInt(40);
    for (int i = 0; i < pieces; i++) {
      sql.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
    }
    if (sql.length() > 0 && random.nextBoolean()) {
      sql.setLength(random.nextInt(sql.length() + 1)); // cut anywhere, even inside a fragment
    }
    return sql.toString();
  }

  /** Checks one script; true when it split cleanly. */
  private static boolean check(String sql) {
    SplitResult result = SqlScript.split(sql);
    List<SqlStatement> statements = result.statements();

    int previousEnd = 0;
    for (int i = 0; i < statements.size(); i++) {
      SqlStatement s = statements.get(i);
      assertThat(s.start()).isGreaterThanOrEqualTo(previousEnd).isLessThan(s.end());
      assertThat(s.end()).isLessThanOrEqualTo(sql.length());
      assertThat(sql.substring(s.start(), s.end())).isEqualTo(s.text());
      assertThat(
              PostgresLexicon.INSTANCE.isSpace(s.text().charAt(0))
                  || PostgresLexicon.INSTANCE.isSpace(s.text().charAt(s.text().length() - 1)))
          .isFalse();
      assertThat(new int[] {s.line(), s.column()}).containsExactly(naivePosition(sql, s.start()));
      assertThat(s.unparsed()).isEqualTo(!result.isClean() && i == statements.size() - 1);
      s.keywords(); // never throws
      s.isTransactionControl();
      previousEnd = s.end();
    }

    assertThat(result.problems()).hasSizeLessThanOrEqualTo(1);
    for (SplitProblem p : result.problems()) {
      assertThat(statements).isNotEmpty();
      assertThat(p.offset())
          .isBetween(statements.get(statements.size() - 1).start(), sql.length() - 1);
      assertThat(new int[] {p.line(), p.column()}).containsExactly(naivePosition(sql, p.offset()));
    }

    if (result.isClean()) { // the statements, re-joined, split into themselves
      List<String> texts = statements.stream().map(SqlStatement::text).toList();
      SplitResult again = SqlScript.split(String.join("\n;\n", texts));
      assertThat(again.problems()).isEmpty();
      assertThat(again.statements()).extracting(SqlStatement::text).isEqualTo(texts);
    }
    return result.isClean();
  }

  /** Line and column the slow, obvious way. */
  private static int[] naivePosition(String sql, int offset) {
    int line = 1;
    int column = 1;
    int i = sql.startsWith("\uFEFF") ? 1 : 0;
    for (; i < offset; i++) {
      char c = sql.charAt(i);
      boolean crlf = c == '\r' && i + 1 < sql.length() && sql.charAt(i + 1) == '\n';
      if (c == '\n' || (c == '\r' && !crlf)) {
        line++;
        column = 1;
      } else if (!(Character.isLowSurrogate(c)
          && i > 0
          && Character.isHighSurrogate(sql.charAt(i - 1)))) {
        column++;
      }
    }
    return new int[] {line, column};
  }
}
