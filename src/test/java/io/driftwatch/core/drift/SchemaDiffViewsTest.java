package io.driftwatch.core.drift;

import static io.driftwatch.core.drift.DriftFixtures.EXPECTED;
import static io.driftwatch.core.drift.DriftFixtures.USER;
import static io.driftwatch.core.drift.DriftFixtures.withViews;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.CatalogDdl;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.View;
import io.driftwatch.testing.DefaultStack;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDiffViewsTest {

  static final QualifiedName ADMINS = QualifiedName.of("public", "Admins");
  static final QualifiedName ADMIN_EMAILS = QualifiedName.of("public", "AdminEmails");
  static final View ADMINS_VIEW =
      new View(
          ADMINS,
          false,
          " SELECT u.id, u.email FROM public.\"User\" u WHERE (u.role = 'ADMIN'::public.\"Role\")",
          List.of(USER));
  static final View ADMIN_EMAILS_VIEW =
      new View(ADMIN_EMAILS, false, " SELECT a.email FROM public.\"Admins\" a", List.of(ADMINS));

  @Test
  void views_on_one_side_are_untracked_or_missing_and_created_after_the_views_they_read() {
    Catalog live = withViews(EXPECTED, List.of(ADMINS_VIEW, ADMIN_EMAILS_VIEW));

    SchemaDrift drift = SchemaDiff.compare(EXPECTED, live);

    assertThat(drift.drifts())
        .extracting(Drift::kind, Drift::object)
        .containsExactly(
            tuple(DriftKind.UNTRACKED_VIEW, ADMIN_EMAILS), tuple(DriftKind.UNTRACKED_VIEW, ADMINS));
    assertThat(RestorePlan.from(drift).statements())
        .containsExactly(
            "DROP VIEW \"public\".\"AdminEmails\";", "DROP VIEW \"public\".\"Admins\";");
    String catchUp = CatchUpMigration.from(drift, CatchUpMigrationTest.NOW).sql();
    assertThat(catchUp.indexOf("CREATE VIEW \"public\".\"Admins\""))
        .isLessThan(catchUp.indexOf("CREATE VIEW \"public\".\"AdminEmails\""));
    assertThat(SchemaDiff.compare(live, EXPECTED).drifts())
        .extracting(Drift::kind)
        .containsExactly(DriftKind.MISSING_VIEW, DriftKind.MISSING_VIEW);
  }

  @Test
  void a_view_with_another_query_is_changed_and_rebuilt() {
    View changed = new View(ADMINS, false, " SELECT u.id FROM public.\"User\" u", List.of(USER));

    SchemaDrift drift =
        SchemaDiff.compare(
            withViews(EXPECTED, List.of(ADMINS_VIEW)), withViews(EXPECTED, List.of(changed)));

    assertThat(drift.drifts())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(DriftKind.CHANGED_VIEW);
              assertThat(item.description()).isEqualTo("view \"Admins\": definition differs");
              assertThat(item.restoreSql())
                  .isEqualTo(
                      "DROP VIEW \"public\".\"Admins\";\nCREATE VIEW \"public\".\"Admins\""
                          + " AS\n"
                          + ADMINS_VIEW.definition()
                          + ";");
            });
  }

  /**
   * Each view reads the one before: a walk with a call per view of the chain would overflow the
   * stack.
   */
  @Test
  void a_chain_of_20000_views_is_ordered_at_the_default_stack_size() throws Exception {
    List<View> chain = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      chain.add(
          new View(
              QualifiedName.of("public", "v" + i),
              false,
              " SELECT 1",
              List.of(i == 0 ? USER : QualifiedName.of("public", "v" + (i - 1)))));
    }
    Catalog live = withViews(EXPECTED, chain);

    SchemaDrift drift = DefaultStack.call(() -> SchemaDiff.compare(EXPECTED, live));
    String catchUp =
        DefaultStack.call(() -> CatchUpMigration.from(drift, CatchUpMigrationTest.NOW).sql());
    String script = DefaultStack.call(() -> new CatalogDdl(live).script());

    assertThat(drift.drifts())
        .hasSize(20_000)
        .allMatch(item -> item.kind() == DriftKind.UNTRACKED_VIEW);
    assertThat(RestorePlan.from(drift).statements())
        .first()
        .isEqualTo("DROP VIEW \"public\".\"v19999\";");
    assertThat(catchUp.indexOf("CREATE VIEW \"public\".\"v0\""))
        .isLessThan(catchUp.indexOf("CREATE VIEW \"public\".\"v1\""))
        .isLessThan(catchUp.indexOf("CREATE VIEW \"public\".\"v19999\""));
    assertThat(script.indexOf("CREATE VIEW \"public\".\"v19998\""))
        .isLessThan(script.indexOf("CREATE VIEW \"public\".\"v19999\""))
        .isGreaterThan(script.indexOf("CREATE VIEW \"public\".\"v0\""));
  }
}
