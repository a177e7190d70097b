package io.driftwatch.core.coverage;

import static io.driftwatch.core.coverage.Catalogs.catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.coverage.CoverageItem.Kind;
import io.driftwatch.core.prisma.schema.PrismaSchema;
import org.junit.jupiter.api.Test;

/** {@code @ignore} and {@code @@ignore}: listed apart, with their facts, counted nowhere. */
class IgnoredCoverageTest {

  private static final String SCHEMA =
      """
      model User {
        id       Int     @id
        legacyId Int?    @ignore @map("legacy_id")
        groups   Group[]
      }

      model Group {
        id    Int    @id
        users User[]
      }

      model LegacySession {
        id    Int    @id
        token String
        @@ignore
      }
      """;

  private static final Catalog MIGRATED =
      catalog().table("public.User", "id").table("public.Group", "id").build();

  private static CoverageReport coverage() throws Exception {
    return Coverage.of(PrismaSchema.parse(SCHEMA), "public", MIGRATED, MIGRATED);
  }

  @Test
  void ignored_field_is_listed_apart_not_among_items() throws Exception {
    CoverageReport report = coverage();

    assertThat(report.item(Kind.FIELD, "User.legacyId")).isEmpty();
    CoverageItem legacyId = report.ignoredItem(Kind.FIELD, "User.legacyId").orElseThrow();
    assertThat(legacyId.databaseName()).isEqualTo("public.User.legacy_id");
    assertThat(legacyId.status()).isEqualTo(CoverageStatus.MISSING);
  }

  @Test
  void ignored_model_and_its_fields_are_listed_apart() throws Exception {
    CoverageReport report = coverage();

    assertThat(report.item(Kind.MODEL, "LegacySession")).isEmpty();
    assertThat(report.ignored())
        .extracting(CoverageItem::kind, CoverageItem::prismaName)
        .contains(
            tuple(Kind.MODEL, "LegacySession"),
            tuple(Kind.FIELD, "LegacySession.id"),
            tuple(Kind.FIELD, "LegacySession.token"));
  }

  @Test
  void ignored_items_count_nowhere() throws Exception {
    CoverageReport report = coverage();

    // User, User.id, Group, Group.id covered; the join table _GroupToUser is missing.
    CoverageSummary summary = report.summary();
    assertThat(summary.countedItems()).isEqualTo(5);
    assertThat(summary.coveredItems()).isEqualTo(4);
    assertThat(summary.ratio()).hasValue(0.8);
  }

  @Test
  void join_table_of_an_ignored_relation_field_is_listed_apart() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        model Post {
          id   Int   @id
          tags Tag[] @ignore
        }
        model Tag {
          id    Int    @id
          posts Post[]
        }
        """);
    Catalog migrated = catalog().table("public.Post", "id").table("public.Tag", "id").build();

    CoverageReport report = Coverage.of(schema, "public", migrated, migrated);

    assertThat(report.items(Kind.JOIN_TABLE)).isEmpty();
    assertThat(report.ignoredItem(Kind.JOIN_TABLE, "PostToTag"))
        .hasValueSatisfying(
            join -> {
              assertThat(join.databaseName()).isEqualTo("public._PostToTag");
              assertThat(join.status()).isEqualTo(CoverageStatus.MISSING);
            });
    assertThat(report.summary().ratio()).hasValue(1.0);
  }
}
