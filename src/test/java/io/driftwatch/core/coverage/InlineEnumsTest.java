package io.driftwatch.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MySQL's inline enum types, as information_schema writes them. */
class InlineEnumsTest {

  @Test
  void labels_are_read_with_doubled_quotes_and_commas_inside() {
    assertThat(InlineEnums.labels("enum('USER','ADMIN')")).containsExactly("USER", "ADMIN");
    assertThat(InlineEnums.labels("enum('it''s','a,b','')")).containsExactly("it's", "a,b", "");
  }

  @Test
  void only_an_enum_type_is_inline() {
    assertThat(InlineEnums.isInline("enum('A')")).isTrue();
    assertThat(InlineEnums.isInline("ENUM('A')")).isTrue();
    assertThat(InlineEnums.isInline("\"Role\"")).isFalse();
    assertThat(InlineEnums.isInline("varchar(191)")).isFalse();
  }
}
