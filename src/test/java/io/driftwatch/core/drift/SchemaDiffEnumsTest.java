package io.driftwatch.core.drift;

import static io.driftwatch.core.drift.DriftFixtures.EXPECTED;
import static io.driftwatch.core.drift.DriftFixtures.ROLE;
import static io.driftwatch.core.drift.DriftFixtures.withEnums;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.EnumType;
import io.driftwatch.core.catalog.QualifiedName;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDiffEnumsTest {

  static final String RECREATE_ROLE_AS_EXPECTED =
      """
      CREATE TYPE "public"."Role_new" AS ENUM ('USER', 'ADMIN');
      ALTER TABLE "public"."User" ALTER COLUMN "role" DROP DEFAULT;
      ALTER TABLE "public"."User" ALTER COLUMN "role" TYPE "public"."Role_new"\
       USING ("role"::text::"public"."Role_new");
      ALTER TYPE "public"."Role" RENAME TO "Role_old";
      ALTER TYPE "public"."Role_new" RENAME TO "Role";
      DROP TYPE "public"."Role_old";
      ALTER TABLE "public"."User" ALTER COLUMN "role" SET DEFAULT 'USER'::public."Role";""";

  static Catalog withRole(String... values) {
    return withEnums(EXPECTED, List.of(new EnumType(ROLE, List.of(values))));
  }

  @Test
  void a_value_added_by_hand_is_untracked_and_restored_by_recreating_the_enum() {
    SchemaDrift drift = SchemaDiff.compare(EXPECTED, withRole("USER", "EDITOR", "ADMIN"));

    assertThat(drift.drifts())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(DriftKind.UNTRACKED_ENUM_VALUE);
              assertThat(item.object()).isEqualTo(ROLE);
              assertThat(item.member()).isEqualTo("EDITOR");
              assertThat(item.description())
                  .isEqualTo(
                      "enum value 'EDITOR' of \"Role\" is in the database but no migration"
                          + " adds it");
              assertThat(item.liveDdl())
                  .isEqualTo("ALTER TYPE \"public\".\"Role\" ADD VALUE 'EDITOR' AFTER 'USER';");
              assertThat(item.restoreSql())
                  .startsWith("-- PostgreSQL cannot drop an enum value: the type is recreated")
                  .endsWith("\n" + RECREATE_ROLE_AS_EXPECTED);
            });
  }

  @Test
  void a_value_the_database_lacks_is_missing_and_restored_where_it_stands() {
    SchemaDrift drift = SchemaDiff.compare(withRole("USER", "EDITOR", "ADMIN"), EXPECTED);

    assertThat(drift.drifts())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(DriftKind.MISSING_ENUM_VALUE);
              assertThat(item.liveDdl())
                  .startsWith("-- PostgreSQL cannot drop an enum value")
                  .endsWith(RECREATE_ROLE_AS_EXPECTED);
              assertThat(item.restoreSql())
                  .isEqualTo("ALTER TYPE \"public\".\"Role\" ADD VALUE 'EDITOR' AFTER 'USER';");
            });
  }

  @Test
  void the_same_values_in_another_order_are_one_changed_enum() {
    SchemaDrift drift = SchemaDiff.compare(EXPECTED, withRole("ADMIN", "USER"));

    assertThat(drift.drifts())
        .extracting(Drift::kind, Drift::description)
        .containsExactly(
            tuple(
                DriftKind.CHANGED_ENUM,
                "enum \"Role\": values reordered: ('USER', 'ADMIN') -> ('ADMIN', 'USER')"));
  }

  @Test
  void a_whole_enum_on_one_side_is_one_drift() {
    EnumType status = new EnumType(QualifiedName.of("public", "Status"), List.of("DRAFT", "LIVE"));
    Catalog live = withEnums(EXPECTED, List.of(DriftFixtures.ROLE_ENUM, status));

    assertThat(SchemaDiff.compare(EXPECTED, live).drifts())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(DriftKind.UNTRACKED_ENUM);
              assertThat(item.liveDdl())
                  .isEqualTo("CREATE TYPE \"public\".\"Status\" AS ENUM ('DRAFT', 'LIVE');");
              assertThat(item.restoreSql()).isEqualTo("DROP TYPE \"public\".\"Status\";");
            });
    assertThat(SchemaDiff.compare(live, EXPECTED).drifts())
        .extracting(Drift::kind)
        .containsExactly(DriftKind.MISSING_ENUM);
  }
}
