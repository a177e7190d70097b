package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.UnreadableObject;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.replay.ExpectedSchema;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnreadableCatalogObjectRuleTest {

  private final UnreadableCatalogObjectRule rule = new UnreadableCatalogObjectRule();

  static Catalog catalogWith(UnreadableObject... unreadable) {
    return new Catalog(
        15,
        List.of("public"),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(unreadable));
  }

  @Test
  void unreadable_catalog_object_ok() {
    Catalog clean = catalogWith();

    assertThat(
            SchemaContexts.run(
                rule, SchemaContexts.replayed(ExpectedSchema.of(clean, Set.of(), false), clean)))
        .isEmpty();
    assertThat(SchemaContexts.run(rule, SchemaContexts.empty())).isEmpty();
  }

  @Test
  void unreadable_catalog_object_err() {
    UnreadableObject aggregate =
        new UnreadableObject(
            "aggregate",
            QualifiedName.of("public", "median(numeric)"),
            null,
            "an aggregate has no definition PostgreSQL can write out");
    UnreadableObject key =
        new UnreadableObject(
            "constraint",
            QualifiedName.of("public", "Booking"),
            "Booking_no_overlap",
            "a key of it is neither a column nor an expression of an index");

    List<Finding> findings =
        SchemaContexts.run(
            rule,
            SchemaContexts.replayed(
                ExpectedSchema.of(catalogWith(aggregate), Set.of(), false),
                catalogWith(aggregate, key)));

    assertThat(findings)
        .extracting(Finding::subject)
        .containsExactly("public.Booking.Booking_no_overlap", "public.median(numeric)");
    assertThat(findings)
        .allSatisfy(finding -> assertThat(finding.severity()).isEqualTo(Severity.WARNING));
    assertThat(findings.get(1).message())
        .contains("aggregate")
        .contains("of the database and of the schema the" + " applied migrations build")
        .contains("the rest of the schema was compared");
    assertThat(findings.get(1).help()).contains("\"public.median\"");
    assertThat(findings.get(0).message())
        .contains("constraint `public.Booking.Booking_no_overlap` of the database:")
        .contains("neither a column nor an expression");
    assertThat(findings.get(0).help())
        .contains("\"public.Booking\"")
        .contains("pg_dump --schema-only");
  }
}
