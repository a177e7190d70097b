package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import io.driftwatch.core.evidence.Evidence;
import io.driftwatch.core.evidence.Evidence.CommitChange;
import io.driftwatch.core.evidence.Evidence.Kind;
import io.driftwatch.core.evidence.HistoryEvidence;
import io.driftwatch.core.evidence.Revision;
import io.driftwatch.core.finding.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the rules word what version control says, kind by kind. */
class EvidenceInRulesTest {

  private static final Revision DELETION =
      new Revision(
          "0123456789abcdef0123456789abcdef01234567",
          "Dana",
          Instant.parse("2025-11-20T10:00:00Z"),
          "Clean up");
  private static final String PHANTOM = "20251113220938_add_customer_slug";

  private static Finding phantom(HistoryEvidence evidence) {
    Scenario scenario =
        Scenario.create()
            .migration("20240101000000_init")
            .deployed("20240101000000_init")
            .deployed(PHANTOM)
            .evidence(evidence);
    return RuleCheck.run(new PhantomMigrationRule(), scenario).get(0);
  }

  private static HistoryEvidence phantoms(Evidence evidence) {
    return new HistoryEvidence(Map.of(PHANTOM, evidence), Map.of(), Map.of(), true);
  }

  @Test
  void deleted_phantom_names_the_commit_and_how_to_restore() {
    Finding finding =
        phantom(phantoms(Evidence.of(Kind.DELETED, DELETION, "db/prisma/migrations/" + PHANTOM)));
    assertThat(finding.message())
        .contains("Commit 0123456789ab \"Clean up\" (Dana, 2025-11-20T10:00:00Z) deleted it");
    assertThat(finding.help())
        .contains("git checkout 0123456789ab^ -- db/prisma/migrations/" + PHANTOM);
    assertThat(finding.evidence().kind()).isEqualTo(Kind.DELETED);
  }

  @Test
  void renamed_phantom_names_the_new_name() {
    Finding finding =
        phantom(
            phantoms(
                new Evidence(
                    Kind.RENAMED,
                    List.of(CommitChange.of(DELETION)),
                    List.of(),
                    "20251201000000_add_customer_slug",
                    "prisma/migrations/" + PHANTOM)));
    assertThat(finding.message()).contains("renamed it to `20251201000000_add_customer_slug`");
    assertThat(finding.help())
        .contains(
            "git mv prisma/migrations/20251201000000_add_customer_slug prisma/migrations/"
                + PHANTOM);
  }

  @Test
  void phantom_only_on_a_branch_names_the_branch() {
    Finding finding =
        phantom(
            phantoms(
                new Evidence(
                    Kind.ONLY_ON_BRANCH,
                    List.of(),
                    List.of("feature/slugs"),
                    null,
                    "prisma/migrations/" + PHANTOM)));
    assertThat(finding.message())
        .contains("only on feature/slugs")
        .contains("unmerged work was deployed");
    assertThat(finding.help()).contains("Merge feature/slugs");
  }

  @Test
  void phantom_never_committed_was_run_by_hand() {
    Finding finding =
        phantom(
            phantoms(
                new Evidence(
                    Kind.NEVER_COMMITTED,
                    List.of(),
                    List.of(),
                    null,
                    "prisma/migrations/" + PHANTOM)));
    assertThat(finding.message())
        .contains("No branch of the repository has ever had it: someone ran it by hand");
  }

  @Test
  void phantom_with_the_same_slug_as_a_folder_migration_is_a_probable_rename_even_without_git() {
    Scenario scenario =
        Scenario.create()
            .migration("20251201000000_add_customer_slug")
            .deployed("20251201000000_add_customer_slug")
            .deployed(PHANTOM);
    Finding finding = RuleCheck.run(new PhantomMigrationRule(), scenario).get(0);
    assertThat(finding.evidence().kind()).isEqualTo(Kind.PROBABLE_RENAME);
    assertThat(finding.message())
        .contains("`20251201000000_add_customer_slug` with the same name after the timestamp");
  }

  @Test
  void edited_lists_the_commits_after_apply_with_line_counts() {
    Revision edit =
        new Revision(
            "fedcba9876543210fedcba9876543210fedcba98",
            "Eli",
            Instant.parse("2025-02-01T00:00:00Z"),
            "Tweak init");
    Scenario scenario =
        Scenario.create()
            .migration("a", "new;\n")
            .deployedScript("a", "old;\n")
            .evidence(
                new HistoryEvidence(
                    Map.of(),
                    Map.of(
                        "a",
                        new Evidence(
                            Kind.CHANGED_AFTER_APPLY,
                            List.of(new CommitChange(edit, 3, 1)),
                            List.of(),
                            null,
                            "prisma/migrations/a")),
                    Map.of(),
                    true));
    Finding finding = RuleCheck.run(new EditedMigrationRule(), scenario).get(0);
    assertThat(finding.message())
        .contains("fedcba987654 \"Tweak init\" (Eli, 2025-02-01T00:00:00Z) +3 −1");
    assertThat(finding.help())
        .contains("git checkout fedcba987654^ -- prisma/migrations/a/migration.sql");
  }

  @Test
  void pending_names_the_commit_that_added_it() {
    Revision added =
        new Revision(
            "1111111111111111111111111111111111111111",
            "Fay",
            Instant.parse("2025-03-01T00:00:00Z"),
            "Add leads");
    Scenario scenario =
        Scenario.create()
            .migration("a")
            .deployed("a")
            .migration("b")
            .evidence(
                new HistoryEvidence(
                    Map.of(),
                    Map.of(),
                    Map.of("b", Evidence.of(Kind.ADDED, added, "prisma/migrations/b")),
                    true));
    assertThat(RuleCheck.run(new PendingMigrationRule(), scenario).get(0).message())
        .contains("Added by 111111111111 \"Add leads\"");
  }
}
