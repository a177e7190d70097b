package io.driftwatch.database.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.CatalogDdl;
import io.driftwatch.core.catalog.Constraint;
import io.driftwatch.core.catalog.Index;
import io.driftwatch.core.catalog.IndexKey;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.testing.CatalogReading;
import io.driftwatch.testing.TargetDatabase;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Keys that are expressions (attribute number 0 in {@code conkey}/{@code indkey}) or system columns
 * (negative numbers) are read as what they are, and the catalog around them is still read whole.
 */
class CatalogExpressionKeysTest {

  static final QualifiedName BOOKING = QualifiedName.of("public", "Booking");

  static final String BOOKING_SQL =
      """
      CREATE EXTENSION IF NOT EXISTS btree_gist;
      CREATE TABLE "Booking"("id" TEXT PRIMARY KEY, "room" TEXT NOT NULL, "startTime" TIMESTAMP(3) NOT NULL,
        "endTime" TIMESTAMP(3) NOT NULL);
      ALTER TABLE "Booking" ADD CONSTRAINT "Booking_no_overlap"
        EXCLUDE USING gist ("room" WITH =, tsrange("startTime", "endTime") WITH &&);
      """;

  static Catalog read(TargetDatabase database) {
    try (CatalogReading reading = CatalogReading.of(database.name())) {
      return reading.read("public");
    }
  }

  @Test
  void an_exclusion_constraint_on_an_expression_is_read_with_the_expression_as_its_key() {
    try (TargetDatabase target = TargetDatabase.create()) {
      target.sql(BOOKING_SQL + "CREATE TABLE \"Room\" (\"id\" TEXT PRIMARY KEY);");

      Catalog catalog = read(target);

      Table booking = catalog.table(BOOKING).orElseThrow();
      assertThat(booking.exclusionConstraints())
          .singleElement()
          .satisfies(
              exclusion -> {
                assertThat(exclusion.name()).isEqualTo("Booking_no_overlap");
                assertThat(exclusion.columns())
                    .containsExactly("room", "tsrange(\"startTime\", \"endTime\")");
                assertThat(exclusion.definition())
                    .isEqualTo(
                        "EXCLUDE USING gist (room WITH =, tsrange(\"startTime\", \"endTime\") WITH &&)");
              });
      Index backing = booking.index("Booking_no_overlap").orElseThrow();
      assertThat(backing.constraintBacked()).isTrue();
      assertThat(backing.keys())
          .extracting(IndexKey::text, IndexKey::expression)
          .containsExactly(
              Assertions.tuple("room", false),
              Assertions.tuple("tsrange(\"startTime\", \"endTime\")", true));
      assertThat(catalog.table(QualifiedName.of("public", "Room")))
          .as("the rest is read too")
          .isPresent();
      assertThat(catalog.unreadable()).isEmpty();
    }
  }

  @Test
  void an_exclusion_constraint_on_an_expression_round_trips_through_the_rendered_script() {
    try (TargetDatabase source = TargetDatabase.create();
        TargetDatabase empty = TargetDatabase.create()) {
      source.sql(BOOKING_SQL);
      Catalog catalog = read(source);

      empty.sql(new CatalogDdl(catalog).script());

      assertThat(read(empty)).isEqualTo(catalog);
    }
  }

  @Test
  void system_columns_in_index_and_check_keys_are_read_by_name() {
    try (TargetDatabase target = TargetDatabase.create()) {
      target.sql(
          """
          CREATE TABLE "Parent" ("id" INTEGER NOT NULL, "kind" TEXT NOT NULL,
            CONSTRAINT "Parent_tableoid_check" CHECK (tableoid <> 0 AND "kind" <> ''));
          CREATE UNIQUE INDEX "Parent_kind_expr_key" ON "Parent" (lower("kind"), "id") WHERE "id" > 0;
          """);

      Table parent = read(target).table(QualifiedName.of("public", "Parent")).orElseThrow();

      assertThat(parent.checkConstraints())
          .singleElement()
          .extracting(Constraint::columns)
          .asList()
          .containsExactlyInAnyOrder("tableoid", "kind");
      assertThat(parent.index("Parent_kind_expr_key").orElseThrow().keys())
          .extracting(IndexKey::text)
          .containsExactly("lower(kind)", "id");
    }
  }

  @Test
  void partition_keys_on_expressions_are_read_as_written() {
    try (TargetDatabase target = TargetDatabase.create()) {
      target.sql(
          """
          CREATE TABLE "Reading" ("id" INTEGER NOT NULL, "takenAt" TIMESTAMP(3) NOT NULL)
            PARTITION BY RANGE (date_trunc('month', "takenAt"), "id");
          CREATE TABLE "Reading_2025" PARTITION OF "Reading"
            FOR VALUES FROM ('2025-01-01', 0) TO ('2026-01-01', 0);
          """);

      Catalog catalog = read(target);

      assertThat(catalog.table(QualifiedName.of("public", "Reading")).orElseThrow().partitionKey())
          .contains("RANGE (date_trunc('month'::text, \"takenAt\"), id)");
      assertThat(catalog.table(QualifiedName.of("public", "Reading_2025"))).isPresent();
    }
  }
}
