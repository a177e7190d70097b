package io.driftwatch.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What lint rules match against: literals and comments blanked, names kept, positions unchanged.
 */
class MaskedSqlTest {

  @Test
  void literals_and_comments_are_blanked_names_kept() {
    String sql =
        "UPDATE \"a--b\" SET x = 'it''s -- WHERE' /* WHERE /* nested */ */ -- WHERE\n, y = E'\\' WHERE'";
    String masked = MaskedSql.mask(sql);
    assertThat(masked)
        .hasSameSizeAs(sql)
        .doesNotContain("WHERE")
        .contains("\"a--b\"")
        .contains("\n, y = E");
  }

  @Test
  void dollar_quoted_bodies_are_blanked_but_not_parameters_or_names_with_dollars() {
    assertThat(MaskedSql.mask("DO $body$ BEGIN DROP TABLE x; END $body$")).doesNotContain("DROP");
    assertThat(MaskedSql.mask("SELECT $$DROP$$, a$b$c, $1"))
        .doesNotContain("DROP")
        .contains("a$b$c", "$1");
  }

  @Test
  void unterminated_constructs_blank_to_the_end() {
    assertThat(MaskedSql.mask("SELECT 'DROP")).isEqualTo("SELECT      ");
    assertThat(MaskedSql.mask("SELECT /* DROP")).isEqualTo("SELECT        ");
  }

  @Test
  void keywords_of_blanks_quoted_names() {
    assertThat(MaskedSql.keywordsOf("UPDATE t SET \"where\" = 1"))
        .doesNotContain("where")
        .hasSize(24);
  }

  @Test
  void keys_fold_unquoted_names_and_drop_the_public_schema() {
    assertThat(MaskedSql.sqlKey("public.\"User\"")).isEqualTo("User");
    assertThat(MaskedSql.sqlKey("Users")).isEqualTo("users");
    assertThat(MaskedSql.sqlKey("audit . \"Log\"\"s\"")).isEqualTo("audit.Log\"s");
    assertThat(MaskedSql.catalogKey("public.User")).isEqualTo("User");
  }

  @Test
  void the_space_around_a_qualified_name_s_dot_goes_and_a_quoted_name_stays_as_written() {
    Matcher name = Pattern.compile(MaskedSql.QUALIFIED_NAME).matcher("audit  .\n \"My . Table\"");
    assertThat(name.find()).isTrue();
    assertThat(MaskedSql.group(name, 0)).isEqualTo("audit.\"My . Table\"");
  }

  @Test
  void a_megabyte_quoted_name_is_matched_without_recursing_per_character() {
    // (?:[^"]|"")+ overflowed a 512 KiB stack on this; the possessive form takes one step per run.
    String name = "\"" + "x\"\"".repeat(300_000) + "\"";
    Matcher matcher = Pattern.compile(MaskedSql.NAME).matcher(name);
    assertThat(matcher.matches()).isTrue();
    assertThat(MaskedSql.sqlKey(name)).hasSize(600_000);
    assertThat(MaskedSql.keywordsOf(name)).isBlank();
  }
}
