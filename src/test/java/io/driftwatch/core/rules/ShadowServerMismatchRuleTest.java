package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Extension;
import io.driftwatch.core.replay.ExpectedSchema;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShadowServerMismatchRuleTest {

  private final ShadowServerMismatchRule rule = new ShadowServerMismatchRule();

  private static Catalog catalog(int major, String... extensions) {
    return new Catalog(
        major,
        List.of("public"),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Arrays.stream(extensions).map(name -> new Extension(name, "public", "1.0")).toList());
  }

  @Test
  void same_server_ok() {
    ExpectedSchema expected = ExpectedSchema.of(catalog(16), Set.of("citext", "pg_trgm"), false);
    assertThat(SchemaContexts.run(rule, SchemaContexts.replayed(expected, catalog(16, "citext"))))
        .isEmpty();
  }

  @Test
  void other_major_and_missing_extension_err() {
    ExpectedSchema expected = ExpectedSchema.of(catalog(15), Set.of("citext"), false);
    assertThat(
            SchemaContexts.run(
                rule, SchemaContexts.replayed(expected, catalog(16, "citext", "postgis"))))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.message())
                  .contains("PostgreSQL 15")
                  .contains("16")
                  .contains("postgis")
                  .doesNotContain("citext");
              assertThat(finding.help()).contains("DRIFTWATCH_SHADOW_URL");
            });
  }
}
