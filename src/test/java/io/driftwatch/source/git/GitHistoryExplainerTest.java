package io.driftwatch.source.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.evidence.Evidence;
import io.driftwatch.core.evidence.Evidence.Kind;
import io.driftwatch.core.evidence.EvidenceRequest;
import io.driftwatch.core.evidence.HistoryEvidence;
import io.driftwatch.testing.GitRepo;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each phantom's evidence carries its migration.sql as git last had it. */
class GitHistoryExplainerTest {

  private static final String DIR = "prisma/migrations";
  private static final String INIT = "20241210000000_init";
  private static final String SLUG = "20251113220938_add_customer_slug";
  private static final String SLUG_V1 = "ALTER TABLE \"customers\" ADD COLUMN \"slug\" TEXT;\n";
  private static final String SLUG_V2 =
      "-- unique now\nALTER TABLE \"customers\" ADD COLUMN \"slug\" TEXT;\n"
          + "CREATE UNIQUE INDEX \"customers_slug_key\" ON \"customers\"(\"slug\");\n";
  private static final String ACCENTED =
      "-- Ajoute la colonne « café » ✓\nALTER TABLE \"t\" ADD COLUMN \"café\" TEXT;\n";

  private GitRepo repo;

  @BeforeEach
  void create() {
    repo =
        GitRepo.create()
            .write(DIR + "/migration_lock.toml", "provider = \"postgresql\"\n")
            .write(
                DIR + "/" + INIT + "/migration.sql",
                "CREATE TABLE \"customers\" (\"id\" TEXT NOT NULL);\n");
    repo.commit("Initial schema", "Ada", at("2024-12-10"));
  }

  @AfterEach
  void cleanUp() {
    repo.close();
  }

  @Test
  void deleted_phantom_carries_the_script_the_deleting_commit_removed() throws IOException {
    repo.write(DIR + "/" + SLUG + "/migration.sql", SLUG_V1)
        .commit("Add slug", "Ben", at("2025-11-13"));
    repo.write(DIR + "/" + SLUG + "/migration.sql", SLUG_V2)
        .commit("Make slug unique", "Ben", at("2025-11-14"));
    RevCommit deletion =
        repo.delete(DIR + "/" + SLUG).commit("Remove broken migration", "Cy", at("2025-11-20"));

    Evidence evidence = explainPhantom(SLUG);

    assertThat(evidence.kind()).isEqualTo(Kind.DELETED);
    assertThat(evidence.commit().sha()).isEqualTo(deletion.getName());
    assertThat(evidence.script()).contains(SLUG_V2);
  }

  @Test
  void renamed_phantom_carries_the_script_it_shares_with_the_new_name() throws IOException {
    repo.write(DIR + "/" + SLUG + "/migration.sql", ACCENTED)
        .commit("Add slug", "Ben", at("2025-11-13"));
    repo.move(DIR + "/" + SLUG, DIR + "/20251201000000_customer_slug")
        .commit("Renumber", "Cy", at("2025-12-01"));

    Evidence evidence = explainPhantom(SLUG);

    assertThat(evidence.kind()).isEqualTo(Kind.RENAMED);
    assertThat(evidence.relatedMigration()).isEqualTo("20251201000000_customer_slug");
    assertThat(evidence.script()).contains(ACCENTED);
  }

  @Test
  void phantom_at_a_branch_tip_carries_the_tip_script() throws IOException {
    repo.branch("feature/slugs")
        .write(DIR + "/" + SLUG + "/migration.sql", SLUG_V1)
        .commit("Add slug (unmerged)", "Ben", at("2025-11-13"));
    repo.write(DIR + "/" + SLUG + "/migration.sql", SLUG_V2)
        .commit("Make slug unique", "Ben", at("2025-11-14"));
    repo.checkout("main");

    Evidence evidence = explainPhantom(SLUG);

    assertThat(evidence.kind()).isEqualTo(Kind.ONLY_ON_BRANCH);
    assertThat(evidence.branches()).containsExactly("feature/slugs");
    assertThat(evidence.script()).contains(SLUG_V2);
  }

  @Test
  void phantom_only_in_a_branch_history_carries_the_last_version_before_it_went()
      throws IOException {
    repo.branch("feature/slugs")
        .write(DIR + "/" + SLUG + "/migration.sql", SLUG_V1)
        .commit("Add slug (unmerged)", "Ben", at("2025-11-13"));
    repo.write(DIR + "/" + SLUG + "/migration.sql", SLUG_V2)
        .commit("Make slug unique", "Ben", at("2025-11-14"));
    RevCommit dropped =
        repo.delete(DIR + "/" + SLUG).commit("Drop slug after all", "Cy", at("2025-11-15"));
    repo.checkout("main");

    Evidence evidence = explainPhantom(SLUG);

    assertThat(evidence.kind()).isEqualTo(Kind.ONLY_ON_BRANCH);
    assertThat(evidence.commit().sha()).isEqualTo(dropped.getName());
    assertThat(evidence.branches()).containsExactly("feature/slugs");
    assertThat(evidence.script()).contains(SLUG_V2);
  }

  @Test
  void never_committed_phantom_has_no_script() throws IOException {
    repo.branch("develop")
        .write(DIR + "/README.md", "notes")
        .commit("Docs", "Ben", at("2025-01-01"));
    repo.checkout("main");

    Evidence evidence = explainPhantom(SLUG);

    assertThat(evidence.kind()).isEqualTo(Kind.NEVER_COMMITTED);
    assertThat(evidence.script()).isEmpty();
  }

  @Test
  void a_script_over_the_cap_is_not_read() throws IOException {
    String huge = "-- " + "x".repeat((int) GitHistoryExplainer.MAX_SCRIPT_BYTES) + "\nSELECT 1;\n";
    repo.write(DIR + "/" + SLUG + "/migration.sql", huge)
        .commit("Add huge", "Ben", at("2025-11-13"));
    repo.delete(DIR + "/" + SLUG).commit("Remove huge", "Cy", at("2025-11-20"));

    Evidence evidence = explainPhantom(SLUG);

    assertThat(evidence.kind()).isEqualTo(Kind.DELETED);
    assertThat(evidence.script()).isEmpty();
  }

  @Test
  void a_migration_sql_that_is_not_a_file_has_no_script() throws IOException {
    repo.write(DIR + "/" + SLUG + "/migration.sql/inner.sql", SLUG_V1)
        .commit("Odd layout", "Ben", at("2025-11-13"));
    repo.branch("feature/odd").checkout("main");
    repo.delete(DIR + "/" + SLUG).commit("Remove odd", "Cy", at("2025-11-20"));

    Evidence evidence = explainPhantom(SLUG);

    // main deleted it, but only a folder named migration.sql was there: no DELETED evidence from a
    // script;
    // feature/odd still has it at its tip, where migration.sql is a folder, not a script.
    assertThat(evidence.kind()).isEqualTo(Kind.ONLY_ON_BRANCH);
    assertThat(evidence.script()).isEmpty();
  }

  private Evidence explainPhantom(String name) throws IOException {
    RevCommit head;
    try (RevWalk walk = new RevWalk(repo.repository())) {
      head = walk.parseCommit(repo.repository().resolve("refs/heads/main"));
    }
    HistoryEvidence evidence =
        new GitHistoryExplainer(repo.repository(), 1000, Duration.ofSeconds(30))
            .explain(
                head,
                DIR,
                "refs/heads/main",
                new EvidenceRequest(Set.of(name), Map.of(), Set.of()));
    assertThat(evidence.complete()).isTrue();
    return evidence.phantom(name).orElseThrow();
  }

  private static Instant at(String date) {
    return Instant.parse(date + "T12:00:00Z");
  }
}
