package io.driftwatch.core.sql;

import static io.driftwatch.core.sql.Split.texts;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Semicolons, quotes and comment markers inside strings and quoted names do not end statements. */
class QuotedTextTest {

  @Test
  void standard_string_with_doubled_quotes_and_semicolons() {
    assertThat(texts("INSERT INTO t VALUES ('it''s; fine', ';'); SELECT 1;"))
        .containsExactly("INSERT INTO t VALUES ('it''s; fine', ';')", "SELECT 1");
  }

  @Test
  void backslash_does_not_escape_in_a_standard_string() {
    // standard_conforming_strings = on: 'C:\' is a whole string
    assertThat(texts("SELECT 'C:\\'; SELECT 2;")).containsExactly("SELECT 'C:\\'", "SELECT 2");
  }

  @Test
  void escape_string_with_backslash_quote_and_backslash_backslash() {
    assertThat(texts("SELECT E'it\\'s; \\\\'; SELECT e'a\\'b;''c'; SELECT 3"))
        .containsExactly("SELECT E'it\\'s; \\\\'", "SELECT e'a\\'b;''c'", "SELECT 3");
  }

  @Test
  void escape_string_ending_in_an_escaped_backslash() {
    assertThat(texts("SELECT E'\\\\'; SELECT 2")).containsExactly("SELECT E'\\\\'", "SELECT 2");
  }

  @Test
  void a_name_ending_in_e_is_not_an_escape_string_prefix() {
    // "some" is one word, so 'x\' is a standard string and the backslash escapes nothing
    assertThat(texts("SELECT some'x\\'; SELECT 2")).containsExactly("SELECT some'x\\'", "SELECT 2");
  }

  @Test
  void unicode_bit_hex_and_national_strings() {
    assertThat(texts("SELECT U&'d\\0061t;a', B'1010', X'1F', N'n;'; SELECT U&\"col;\" FROM t"))
        .containsExactly(
            "SELECT U&'d\\0061t;a', B'1010', X'1F', N'n;'", "SELECT U&\"col;\" FROM t");
  }

  @Test
  void quoted_identifier_with_semicolon_and_doubled_quotes() {
    assertThat(texts("CREATE TABLE \"we;ird\"\"name\" (\"a;b\" int); DROP TABLE \"x\";"))
        .containsExactly("CREATE TABLE \"we;ird\"\"name\" (\"a;b\" int)", "DROP TABLE \"x\"");
  }

  @Test
  void comment_markers_inside_strings_and_names_are_text() {
    assertThat(texts("SELECT '-- no', \"/* no\", '*/'; SELECT 2"))
        .containsExactly("SELECT '-- no', \"/* no\", '*/'", "SELECT 2");
  }

  @Test
  void quotes_inside_comments_are_comment() {
    assertThat(texts("SELECT 1 -- it's\n; /* \"quoted */ SELECT 2"))
        .containsExactly("SELECT 1 -- it's", "SELECT 2");
  }
}
