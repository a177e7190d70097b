package io.driftwatch.core.prisma.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.prisma.config.ConfigLexer.Lexed;
import io.driftwatch.core.prisma.config.ConfigLexer.Token;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tokens, decoded strings, templates, comments, regular expressions, depths and limits. */
class ConfigLexerTest {

  private static Lexed lex(String text) {
    return ConfigLexer.lex(text);
  }

  private static List<String> texts(String text) {
    Lexed lexed = lex(text);
    assertThat(lexed.error()).isEmpty();
    return lexed.tokens().stream().map(t -> t.kind() + ":" + t.text()).toList();
  }

  @Test
  void words_punctuators_numbers_and_the_end() {
    assertThat(texts("export default a?.b ?? c >>>= 1.5e-3 ...x => $_é"))
        .containsExactly(
            "IDENT:export",
            "IDENT:default",
            "IDENT:a",
            "PUNCT:?.",
            "IDENT:b",
            "PUNCT:??",
            "IDENT:c",
            "PUNCT:>>>=",
            "NUMBER:1.5e-3",
            "PUNCT:...",
            "IDENT:x",
            "PUNCT:=>",
            "IDENT:$_é",
            "EOF:");
  }

  @Test
  void a_question_mark_before_a_decimal_is_not_optional_chaining() {
    assertThat(texts("a?.5:1"))
        .containsExactly("IDENT:a", "PUNCT:?", "NUMBER:.5", "PUNCT::", "NUMBER:1", "EOF:");
  }

  @Test
  void strings_are_decoded() {
    assertThat(texts("'it\\'s' \"a\\\"b\\\\c\\n\\t\\x41\\u0042\\u{1F600}\\q\" '\\\nx'"))
        .containsExactly("STRING:it's", "STRING:a\"b\\c\n\tAB\uD83D\uDE00q", "STRING:x", "EOF:");
  }

  @Test
  void comments_are_dropped_and_markers_in_strings_kept() {
    assertThat(texts("a // x { \n /* } \n */ b '//' \"/*\""))
        .containsExactly("IDENT:a", "IDENT:b", "STRING://", "STRING:/*", "EOF:");
  }

  @Test
  void templates_with_substitutions_nest_braces() {
    assertThat(texts("`a${ {b: `c${d}e`} }f${g}h` `plain`"))
        .containsExactly(
            "TEMPLATE_HEAD:a",
            "PUNCT:{",
            "IDENT:b",
            "PUNCT::",
            "TEMPLATE_HEAD:c",
            "IDENT:d",
            "TEMPLATE_TAIL:e",
            "PUNCT:}",
            "TEMPLATE_MIDDLE:f",
            "IDENT:g",
            "TEMPLATE_TAIL:h",
            "TEMPLATE:plain",
            "EOF:");
  }

  @Test
  void a_slash_is_a_regular_expression_only_where_a_value_may_start() {
    assertThat(texts("x = /a[/]\\/b/gi; y = a / b / c; (z) / 2"))
        .containsExactly(
            "IDENT:x",
            "PUNCT:=",
            "REGEX:/a[/]\\/b/gi",
            "PUNCT:;",
            "IDENT:y",
            "PUNCT:=",
            "IDENT:a",
            "PUNCT:/",
            "IDENT:b",
            "PUNCT:/",
            "IDENT:c",
            "PUNCT:;",
            "PUNCT:(",
            "IDENT:z",
            "PUNCT:)",
            "PUNCT:/",
            "NUMBER:2",
            "EOF:");
  }

  @Test
  void line_ends_are_marked_on_the_next_token_but_not_inside_templates_or_strings() {
    Lexed lexed = lex("a\nb /* \n */ c `x\ny` d '\\\n' e");
    assertThat(lexed.tokens().stream().map(Token::newlineBefore).toList())
        .containsExactly(true, true, true, false, false, false, false, false);
    assertThat(lexed.tokens().stream().map(Token::line).toList())
        .containsExactly(1, 2, 3, 3, 4, 4, 5, 5);
  }

  @Test
  void a_byte_order_mark_and_a_shebang_are_skipped() {
    assertThat(texts("\uFEFF#!/usr/bin/env node\nx")).containsExactly("IDENT:x", "EOF:");
  }

  @Test
  void depths_and_partners() {
    Lexed lexed = lex("f({a: [1]}, `${x}`)");
    // f ( { a : [ 1 ] } , HEAD x TAIL ) EOF
    assertThat(lexed.depth()).containsExactly(0, 0, 1, 2, 2, 2, 3, 2, 1, 1, 1, 2, 1, 0, 0);
    assertThat(lexed.partner())
        .containsExactly(-1, 13, 8, -1, -1, 7, -1, -1, -1, -1, 12, -1, -1, -1, -1);
  }

  @Test
  void characters_without_a_token_are_kept_as_other() {
    assertThat(texts("a \\ b")).containsExactly("IDENT:a", "OTHER:\\", "IDENT:b", "EOF:");
  }

  @Test
  void unterminated_things_are_errors() {
    assertThat(lex("'abc").error()).isEqualTo(Optional.of("a string at line 1 is never closed"));
    assertThat(lex("'abc\n'").error()).isEqualTo(Optional.of("a string at line 1 is never closed"));
    assertThat(lex("x\n/* abc").error())
        .isEqualTo(Optional.of("a comment opened at line 2 is never closed"));
    assertThat(lex("`abc ${x} ").error())
        .isEqualTo(Optional.of("a template literal at line 1 is never closed"));
    assertThat(lex("x = /abc\n/").error())
        .isEqualTo(Optional.of("a regular expression at line 1 is never closed"));
    assertThat(lex("'\\").error()).isEqualTo(Optional.of("a string at line 1 is never closed"));
  }

  @Test
  void unbalanced_brackets_are_errors() {
    assertThat(lex("(]").error())
        .isEqualTo(Optional.of("`]` at line 1 does not close `(` opened at line 1"));
    assertThat(lex(")").error()).isEqualTo(Optional.of("`)` at line 1 closes nothing"));
    assertThat(lex("{\n[").error()).isEqualTo(Optional.of("`[` opened at line 2 is never closed"));
    assertThat(lex("`${ ( }`").error())
        .isEqualTo(Optional.of("a template literal at line 1 does not close `(` opened at line 1"));
  }

  @Test
  void nesting_is_bounded() {
    assertThat(lex("(".repeat(64) + ")".repeat(64)).error()).isEmpty();
    assertThat(lex("(".repeat(65) + ")".repeat(65)).error())
        .isEqualTo(Optional.of("brackets nested deeper than 64 levels at line 1"));
  }

  @Test
  void the_token_count_is_bounded() {
    assertThat(lex(";".repeat(ConfigLexer.MAX_TOKENS)).error()).isEmpty();
    assertThat(lex(";".repeat(ConfigLexer.MAX_TOKENS + 1)).error())
        .isEqualTo(Optional.of("more than 100000 tokens"));
  }
}
