package io.driftwatch.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnreadableObjectTest {

  @Test
  void a_reason_quoting_a_long_database_value_is_cut() {
    UnreadableObject object =
        new UnreadableObject(
            "function",
            QualifiedName.of("public", "f"),
            null,
            "driftwatch could not model it (" + "x".repeat(100_000) + ")");

    assertThat(object.reason())
        .hasSize(UnreadableObject.MAX_REASON)
        .endsWith("…")
        .startsWith("driftwatch could not model it (xxx");
  }

  @Test
  void a_short_reason_is_kept_as_it_is() {
    assertThat(
            new UnreadableObject(
                    "constraint",
                    QualifiedName.of("public", "T"),
                    "T_c",
                    "kind `z` is not modelled")
                .reason())
        .isEqualTo("kind `z` is not modelled");
  }
}
