package io.driftwatch.core.sql;

import static io.driftwatch.core.sql.Split.single;
import static io.driftwatch.core.sql.Split.texts;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code $$...$$} and {@code $tag$...$tag$} bodies, as scan.l reads them. */
class DollarQuotingTest {

  @Test
  void plain_dollar_quote_holds_semicolons_and_quotes() {
    assertThat(texts("SELECT $$a; 'b; \"c;$$; SELECT 2"))
        .containsExactly("SELECT $$a; 'b; \"c;$$", "SELECT 2");
  }

  @Test
  void tagged_body_holds_other_tags_and_plain_dollars() {
    String function =
        """
        CREATE FUNCTION f() RETURNS text AS $body$
        BEGIN
          EXECUTE $q$SELECT 1; $$ not the end $$;$q$;
          RETURN $x$;$x$;
        END;
        $body$ LANGUAGE plpgsql""";
    assertThat(texts(function + ";\nSELECT 2;")).containsExactly(function, "SELECT 2");
  }

  @Test
  void inner_tags_are_plain_text_of_the_outer_body() {
    assertThat(texts("SELECT $outer$ a $inner$ b; $$ c; $inner$ d; $outer$; SELECT 2"))
        .containsExactly("SELECT $outer$ a $inner$ b; $$ c; $inner$ d; $outer$", "SELECT 2");
  }

  @Test
  void the_body_ends_at_the_first_closing_delimiter() {
    // no nesting of equal tags: the second $a$ closes, the third opens a new body
    assertThat(texts("SELECT $a$ x $a$, $a$;$a$; SELECT 2"))
        .containsExactly("SELECT $a$ x $a$, $a$;$a$", "SELECT 2");
  }

  @Test
  void tags_are_case_sensitive() {
    assertThat(texts("SELECT $A$ x; $a$ y; $A$; SELECT 2"))
        .containsExactly("SELECT $A$ x; $a$ y; $A$", "SELECT 2");
  }

  @Test
  void tag_with_digits_and_underscore() {
    assertThat(texts("SELECT $_a1$;$_a1$; SELECT 2"))
        .containsExactly("SELECT $_a1$;$_a1$", "SELECT 2");
  }

  @Test
  void closing_delimiter_found_after_a_longer_tag_that_does_not_match() {
    // scan.l backs up over $abc$ and then matches $ab$
    assertThat(texts("SELECT $ab$ x $abc$ab$; SELECT 2"))
        .containsExactly("SELECT $ab$ x $abc$ab$", "SELECT 2");
  }

  @Test
  void positional_parameters_are_not_tags() {
    assertThat(texts("PREPARE p AS SELECT $1, $2; EXECUTE p(1, 2);"))
        .containsExactly("PREPARE p AS SELECT $1, $2", "EXECUTE p(1, 2)");
  }

  @Test
  void a_dollar_inside_a_name_opens_nothing() {
    assertThat(texts("SELECT a$b$ FROM t; SELECT 2"))
        .containsExactly("SELECT a$b$ FROM t", "SELECT 2");
  }

  @Test
  void do_block_is_one_statement() {
    String block =
        """
        DO $$
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'role') THEN
            CREATE TYPE role AS ENUM ('a', 'b');
          END IF;
        END
        $$""";
    SqlStatement statement = single(block + ";\n");
    assertThat(statement.text()).isEqualTo(block);
    assertThat(statement.keywords()).containsExactly("DO");
  }
}
