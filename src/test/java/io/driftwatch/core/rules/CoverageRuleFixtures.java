package io.driftwatch.core.rules;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.coverage.Coverage;
import io.driftwatch.core.coverage.CoverageReport;
import io.driftwatch.core.prisma.schema.PrismaSchema;
import java.util.List;

/**
 * A schema with User (migrated), Post (db push only) and Tag (nowhere), and a User.nickname column
 * added by hand.
 */
final class CoverageRuleFixtures {

  static final String SCHEMA =
      """
      datasource db {
        provider = "postgresql"
        url      = env("DATABASE_URL")
      }
      model User {
        id       Int    @id
        nickname String
      }
      model Post {
        id Int @id
      }
      model Tag {
        id Int @id
      }
      """;

  private CoverageRuleFixtures() {}

  static CoverageReport coverage(boolean everythingMigrated) throws Exception {
    Table user =
        Table.of(new QualifiedName("public", "User"), List.of(Column.of("id", "integer", false)));
    Table userWithNickname =
        Table.of(
            new QualifiedName("public", "User"),
            List.of(Column.of("id", "integer", false), Column.of("nickname", "text", false)));
    Table post =
        Table.of(new QualifiedName("public", "Post"), List.of(Column.of("id", "integer", false)));
    Table tag =
        Table.of(new QualifiedName("public", "Tag"), List.of(Column.of("id", "integer", false)));
    Catalog migrated =
        catalog(everythingMigrated ? List.of(userWithNickname, post, tag) : List.of(user));
    Catalog live =
        catalog(
            everythingMigrated
                ? List.of(userWithNickname, post, tag)
                : List.of(userWithNickname, post));
    return Coverage.of(PrismaSchema.parse("schema.prisma", SCHEMA), "public", migrated, live);
  }

  private static Catalog catalog(List<Table> tables) {
    return new Catalog(16, List.of("public"), tables, List.of(), List.of(), List.of(), List.of());
  }
}
