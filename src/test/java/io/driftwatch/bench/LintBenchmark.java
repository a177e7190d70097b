package io.driftwatch.bench;

import io.driftwatch.core.engine.MigrationLinter;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.lint.MigrationLint;
import io.driftwatch.core.rules.LintRule;
import io.driftwatch.core.rules.Rules;
import io.driftwatch.core.sql.SqlScript;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prints how fast every lint rule together goes through 1 MB of migration SQL shaped like Prisma's
 * (target: at least 20 MB/s). A benchmark, not a timed test: {@code mvn test -Dtest=LintBenchmark}.
 */
class LintBenchmark {

  /** Prisma's generated steps on new tables, mixed with changes to a live table of 50,000 rows. */
  static String script(int targetBytes) {
    StringBuilder sql = new StringBuilder(SqlSplitterBenchmark.largeScript(targetBytes / 2));
    for (int i = 0; sql.length() < targetBytes; i++) {
      sql.append("-- AlterTable\nALTER TABLE \"User\" ADD COLUMN \"c")
          .append(i)
          .append("\" INTEGER NOT NULL;\n\n")
          .append("-- CreateIndex\nCREATE INDEX \"User_c")
          .append(i)
          .append("_idx\" ON \"User\"(\"c")
          .append(i)
          .append("\");\n\n")
          .append("-- AddForeignKey\nALTER TABLE \"User\" ADD CONSTRAINT \"User_c")
          .append(i)
          .append("_fkey\" FOREIGN KEY (\"c")
          .append(i)
          .append("\") REFERENCES \"Team\"(\"id\") ON DELETE RESTRICT;\n\n")
          .append("UPDATE \"User\" SET \"c")
          .append(i)
          .append("\" = 0;\n\n");
    }
    return sql.toString();
  }

  private static long best(Runnable run) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      long start = System.nanoTime();
      run.run();
      best = Math.min(best, System.nanoTime() - start);
    }
    return best;
  }

  @Test
  void lint_throughput_over_a_megabyte() {
    String script = script(1 << 20);
    int bytes = script.getBytes(StandardCharsets.UTF_8).length;
    MigrationLinter linter = new MigrationLinter();
    MigrationLint migration =
        new MigrationLint("20260101000000_big", script, Map.of("User", 50_000L));
    List<Finding> findings = List.of();
    for (int i = 0; i < 40; i++) { // until the JIT has compiled the rules' hot paths
      findings = linter.lint(migration);
    }
    long[] nanos = new long[40];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      findings = linter.lint(migration);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    double p50 = nanos[nanos.length / 2] / 1e6;
    System.out.printf(
        "%nLINT: %,d bytes, %d rules, %,d findings: p50 %.1f ms (%.0f MB/s), best %.1f ms, worst %.1f ms "
            + "(target >= 20 MB/s)%n%n",
        bytes,
        Rules.lint().size(),
        findings.size(),
        p50,
        bytes / 1e6 / (p50 / 1e3),
        nanos[0] / 1e6,
        nanos[nanos.length - 1] / 1e6);
    // Where the time goes: the split, the context every rule shares (split and effects read)...
    System.out.printf(
        "  split alone                                    best %.1f ms%n",
        best(() -> SqlScript.split(script, LintContext.MAX_STATEMENTS)) / 1e6);
    System.out.printf(
        "  context (split, tables created)                best %.1f ms%n",
        best(() -> LintContext.of(migration)) / 1e6);
    // ...and each rule alone (the context included in every figure).
    for (LintRule rule : Rules.lint()) {
      MigrationLinter alone = new MigrationLinter(List.of(rule));
      long best = Long.MAX_VALUE;
      for (int i = 0; i < 5; i++) {
        long start = System.nanoTime();
        alone.lint(migration);
        best = Math.min(best, System.nanoTime() - start);
      }
      System.out.printf(
          "  %s %-40s best %.1f ms%n", rule.type().code(), rule.type().name(), best / 1e6);
    }
  }
}
