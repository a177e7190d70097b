package io.driftwatch.source.git;

import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.evidence.EvidenceRequest;
import io.driftwatch.core.evidence.HistoryEvidence;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.Test;

/**
 * Prints, for a generated repository of 1,000 migrations across 1,000 commits (then 10 commits that
 * delete migrations the database still has): the first read (clone), a repeated read with no new
 * commits (fetch + tree read; target at most 150 ms), and the history walk explaining 10 phantoms.
 * Not part of the test suite: {@code mvn test -Dtest=GitSourceBenchmark}.
 */
class GitSourceBenchmark {

  static final int MIGRATIONS = 1_000;
  static final int PHANTOMS = 10;

  @Test
  void git_source_over_a_thousand_commits() throws Exception {
    Path work = Files.createTempDirectory("dw-bench-repo");
    Path cache = Files.createTempDirectory("dw-bench-cache");
    try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
      long generating = System.nanoTime();
      Instant clock = Instant.parse("2020-01-01T00:00:00Z");
      Set<String> deleted = new LinkedHashSet<>();
      for (int i = 0; i < MIGRATIONS; i++) {
        String name = String.format("%014d_change_%d", 20200101000000L + i * 100L, i);
        Path script = work.resolve("prisma/migrations/" + name + "/migration.sql");
        Files.createDirectories(script.getParent());
        Files.writeString(
            script,
            "CREATE TABLE \"t" + i + "\" (\"id\" TEXT NOT NULL);\n",
            StandardCharsets.UTF_8);
        git.add().addFilepattern("prisma/migrations/" + name).call();
        clock = clock.plusSeconds(3600);
        commit(git, "Add " + name, clock);
        if (i % 97 == 5 && deleted.size() < PHANTOMS) {
          deleted.add(name);
        }
      }
      for (String name : deleted) {
        git.rm().addFilepattern("prisma/migrations/" + name).call();
        clock = clock.plusSeconds(3600);
        commit(git, "Remove " + name, clock);
      }
      double generated = (System.nanoTime() - generating) / 1e9;

      GitMirrors mirrors =
          new GitMirrors(cache, Duration.ZERO, Duration.ofSeconds(60), Clock.systemUTC());
      GitSourceSpec spec = new GitSourceSpec(work.toUri().toString(), "main", "prisma", null, null);
      GitMigrationSource.Limits limits =
          new GitMigrationSource.Limits(16 << 20, 256 << 20, 20_000, Duration.ofSeconds(30));

      long start = System.nanoTime();
      SourceSnapshot first;
      try (GitMigrationSource source = new GitMigrationSource(spec, null, mirrors, limits)) {
        first = source.read();
      }
      double cloneMs = (System.nanoTime() - start) / 1e6;

      int runs = 30;
      long[] repeated = new long[runs];
      long[] explained = new long[runs];
      HistoryEvidence evidence = null;
      EvidenceRequest request = new EvidenceRequest(deleted, Map.of(), Set.of());
      for (int i = 0; i < runs + 5; i++) {
        try (GitMigrationSource source = new GitMigrationSource(spec, null, mirrors, limits)) {
          long readStart = System.nanoTime();
          source.read();
          long readEnd = System.nanoTime();
          evidence = source.explain(request);
          long explainEnd = System.nanoTime();
          if (i >= 5) {
            repeated[i - 5] = readEnd - readStart;
            explained[i - 5] = explainEnd - readEnd;
          }
        }
      }
      Arrays.sort(repeated);
      Arrays.sort(explained);
      Map<String, String> kinds = new LinkedHashMap<>();
      evidence
          .phantoms()
          .forEach(
              (name, found) ->
                  kinds.merge(
                      found.kind().name(), "1", (a, b) -> String.valueOf(Integer.parseInt(a) + 1)));
      System.out.printf(
          "%nGIT SOURCE BENCHMARK: %,d migrations across %,d commits (+%d deletions), generated in %.1f s%n",
          MIGRATIONS, MIGRATIONS, deleted.size(), generated);
      System.out.printf(
          "  first read (clone + tree read of %,d migrations): %.0f ms%n",
          first.migrations().size(), cloneMs);
      System.out.printf(
          "  repeated read, no new commits (fetch + tree read, no clone) over %d runs: p50 %.1f ms, p95 %.1f ms (target <= 150 ms)%n",
          runs, repeated[runs / 2] / 1e6, repeated[runs * 95 / 100] / 1e6);
      System.out.printf(
          "  history walk explaining %d phantoms (%s): p50 %.1f ms, p95 %.1f ms, complete=%s%n%n",
          deleted.size(),
          kinds,
          explained[runs / 2] / 1e6,
          explained[runs * 95 / 100] / 1e6,
          evidence.complete());
    } finally {
      FileUtils.delete(work.toFile(), FileUtils.RECURSIVE);
      FileUtils.delete(cache.toFile(), FileUtils.RECURSIVE);
    }
  }

  private static void commit(Git git, String message, Instant at) throws Exception {
    PersonIdent who =
        new PersonIdent("Bench", "bench@example.com", Date.from(at), TimeZone.getTimeZone("UTC"));
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }
}
