package io.driftwatch.core.coverage;

import static io.driftwatch.core.coverage.Catalogs.catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.coverage.CoverageItem.Kind;
import io.driftwatch.core.prisma.schema.PrismaSchema;
import org.junit.jupiter.api.Test;

/** Tables of implicit many-to-many relations: {@code _<RelationName>} with columns A and B. */
class JoinTableCoverageTest {

  private static final String SCHEMA =
      """
      model Post {
        id         Int        @id
        categories Category[]
        tags       Tag[]      @relation("PostTags")
        @@map("posts")
      }

      model Category {
        id    Int    @id
        posts Post[]
      }

      model Tag {
        id    Int    @id
        posts Post[] @relation("PostTags")
      }
      """;

  private static final Catalog MODELS =
      catalog()
          .table("public.posts", "id")
          .table("public.Category", "id")
          .table("public.Tag", "id")
          .build();

  @Test
  void join_tables_are_matched_by_relation_name_with_columns_a_and_b() throws Exception {
    Catalog migrated =
        catalog()
            .table("public.posts", "id")
            .table("public.Category", "id")
            .table("public.Tag", "id")
            .table("public._CategoryToPost", "A", "B")
            .table("public._PostTags", "A", "B")
            .build();

    CoverageReport report = Coverage.of(PrismaSchema.parse(SCHEMA), "public", migrated, migrated);

    assertThat(report.items(Kind.JOIN_TABLE))
        .extracting(CoverageItem::prismaName, CoverageItem::databaseName, CoverageItem::status)
        .containsExactlyInAnyOrder(
            tuple("CategoryToPost", "public._CategoryToPost", CoverageStatus.COVERED),
            tuple("PostTags", "public._PostTags", CoverageStatus.COVERED));
    assertThat(report.items(Kind.FIELD))
        .extracting(CoverageItem::prismaName)
        .containsExactly("Post.id", "Category.id", "Tag.id");
  }

  @Test
  void join_table_only_in_the_live_database_is_live_only() throws Exception {
    Catalog live =
        catalog()
            .table("public.posts", "id")
            .table("public.Category", "id")
            .table("public.Tag", "id")
            .table("public._CategoryToPost", "A", "B")
            .build();

    CoverageReport report = Coverage.of(PrismaSchema.parse(SCHEMA), "public", MODELS, live);

    CoverageItem join = report.item(Kind.JOIN_TABLE, "CategoryToPost").orElseThrow();
    assertThat(join.status()).isEqualTo(CoverageStatus.LIVE_ONLY);
    assertThat(join.help())
        .hasValueSatisfying(
            help ->
                assertThat(help)
                    .contains("migrate resolve --applied <timestamp>_add_category_to_post"));
    CoverageItem tags = report.item(Kind.JOIN_TABLE, "PostTags").orElseThrow();
    assertThat(tags.status()).isEqualTo(CoverageStatus.MISSING);
    assertThat(tags.help())
        .hasValueSatisfying(
            help -> assertThat(help).contains("--create-only --name add_post_tags"));
  }

  @Test
  void a_table_of_that_name_without_columns_a_and_b_is_not_the_join_table() throws Exception {
    Catalog migrated =
        catalog()
            .table("public.posts", "id")
            .table("public.Category", "id")
            .table("public.Tag", "id")
            .table("public._CategoryToPost", "postId", "categoryId")
            .build();

    CoverageReport report = Coverage.of(PrismaSchema.parse(SCHEMA), "public", migrated, migrated);

    assertThat(report.item(Kind.JOIN_TABLE, "CategoryToPost").orElseThrow().status())
        .isEqualTo(CoverageStatus.MISSING);
  }
}
