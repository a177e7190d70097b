package io.driftwatch.core.coverage;

import static io.driftwatch.core.coverage.Catalogs.catalog;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.coverage.CoverageItem.Kind;
import io.driftwatch.core.prisma.schema.PrismaSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where objects live: {@code @@schema} (multiSchema), and schemas split over several files. */
class MultiSchemaCoverageTest {

  private static final Map<String, String> FILES =
      Map.of(
          "schema/schema.prisma",
              """
          datasource db {
            provider = "postgresql"
            url      = env("DATABASE_URL")
            schemas  = ["auth", "billing"]
          }
          generator client {
            provider        = "prisma-client-js"
            previewFeatures = ["multiSchema", "prismaSchemaFolder"]
          }
          """,
          "schema/auth.prisma",
              """
          model User {
            id    Int    @id
            email String
            role  Role
            teams Team[]
            @@schema("auth")
          }

          enum Role {
            MEMBER
            OWNER
            @@schema("auth")
          }
          """,
          "schema/billing.prisma",
              """
          model Team {
            id      Int    @id
            members User[]
            @@schema("billing")
          }
          """);

  @Test
  void objects_are_looked_up_in_their_schema_across_files() throws Exception {
    Catalog migrated =
        catalog()
            .table("auth.User", "id", "email", "role")
            .enumType("auth.Role", "MEMBER", "OWNER")
            .table("billing.Team", "id")
            .table("billing._TeamToUser", "A", "B")
            .build();

    CoverageReport report = Coverage.of(PrismaSchema.parse(FILES), "public", migrated, migrated);

    assertThat(report.item(Kind.MODEL, "User").orElseThrow().databaseName()).isEqualTo("auth.User");
    assertThat(report.item(Kind.MODEL, "Team").orElseThrow().databaseName())
        .isEqualTo("billing.Team");
    assertThat(report.item(Kind.ENUM_VALUE, "Role.OWNER").orElseThrow().databaseName())
        .isEqualTo("auth.Role 'OWNER'");
    // the join table lives in model A's schema: Team sorts before User
    assertThat(report.item(Kind.JOIN_TABLE, "TeamToUser").orElseThrow().databaseName())
        .isEqualTo("billing._TeamToUser");
    assertThat(report.items())
        .allSatisfy(item -> assertThat(item.status()).isEqualTo(CoverageStatus.COVERED));
    assertThat(report.summary().ratio()).hasValue(1.0);
  }

  @Test
  void same_names_in_the_default_schema_do_not_cover_a_schema_attribute() throws Exception {
    Catalog wrongSchema =
        catalog()
            .table("public.User", "id", "email", "role")
            .enumType("public.Role", "MEMBER", "OWNER")
            .table("billing.Team", "id")
            .build();

    CoverageReport report =
        Coverage.of(PrismaSchema.parse(FILES), "public", wrongSchema, wrongSchema);

    assertThat(report.item(Kind.MODEL, "User").orElseThrow().status())
        .isEqualTo(CoverageStatus.MISSING);
    assertThat(report.item(Kind.ENUM, "Role").orElseThrow().status())
        .isEqualTo(CoverageStatus.MISSING);
    assertThat(report.item(Kind.MODEL, "Team").orElseThrow().status())
        .isEqualTo(CoverageStatus.COVERED);
  }
}
