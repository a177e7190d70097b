package io.driftwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.sql.SplitResult;
import io.driftwatch.core.sql.SqlScript;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Prints how fast a ~1 MB Prisma-style migration script splits (one pass, linear), and checks what
 * it split. A benchmark, not a timed test: {@code mvn test -Dtest=SqlSplitterBenchmark}.
 */
class SqlSplitterBenchmark {

  /**
   * Prisma-generated steps plus the hand-written kinds (DO blocks, functions, triggers), repeated.
   */
  static String largeScript(int targetBytes) {
    StringBuilder sql = new StringBuilder(targetBytes + 4096);
    int i = 0;
    while (sql.length() < targetBytes) {
      sql.append("-- CreateEnum\n")
          .append("CREATE TYPE \"Status")
          .append(i)
          .append("\" AS ENUM ('ACTIVE', 'ARCHIVED', 'it''s');\n\n")
          .append("-- CreateTable\n")
          .append("CREATE TABLE \"Model")
          .append(i)
          .append("\" (\n")
          .append("    \"id\" SERIAL NOT NULL,\n")
          .append("    \"name\" VARCHAR(200) NOT NULL,\n")
          .append("    \"email\" TEXT NOT NULL,\n")
          .append("    \"status\" \"Status")
          .append(i)
          .append("\" NOT NULL DEFAULT 'ACTIVE',\n")
          .append("    \"payload\" JSONB,\n")
          .append("    \"createdAt\" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n")
          .append("    \"parentId\" INTEGER,\n\n")
          .append("    CONSTRAINT \"Model")
          .append(i)
          .append("_pkey\" PRIMARY KEY (\"id\")\n")
          .append(");\n\n")
          .append("-- CreateIndex\n")
          .append("CREATE UNIQUE INDEX \"Model")
          .append(i)
          .append("_email_key\" ON \"Model")
          .append(i)
          .append("\"(\"email\");\n\n")
          .append("-- AddForeignKey\n")
          .append("ALTER TABLE \"Model")
          .append(i)
          .append("\" ADD CONSTRAINT \"Model")
          .append(i)
          .append("_parentId_fkey\" FOREIGN KEY (\"parentId\") REFERENCES \"Model")
          .append(i)
          .append("\"(\"id\") ON DELETE SET NULL ON UPDATE CASCADE;\n\n");
      if (i % 10 == 0) {
        sql.append(
            """
            /* hand-written: keep updatedAt current */
            CREATE OR REPLACE FUNCTION touch_%1$d() RETURNS trigger AS $body$
            BEGIN
              NEW."updatedAt" = now(); -- also when nothing changed
              RETURN NEW;
            END;
            $body$ LANGUAGE plpgsql;

            DO $$
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reader_%1$d') THEN
                EXECUTE E'CREATE ROLE reader_%1$d';
              END IF;
            END
            $$;

            """
                .formatted(i));
      }
      i++;
    }
    return sql.toString();
  }

  @Test
  void one_megabyte_script() {
    String sql = largeScript(1 << 20);
    double megabytes = sql.getBytes(StandardCharsets.UTF_8).length / 1e6;
    for (int i = 0; i < 50; i++) { // warm up the JIT
      SqlScript.split(sql);
    }
    long[] nanos = new long[31];
    SplitResult result = null;
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      result = SqlScript.split(sql);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    double p50 = nanos[nanos.length / 2] / 1e6;
    System.out.printf(
        "%nSQL SPLITTER: %.2f MB, %d statements: p50 %.2f ms (%.0f MB/s), best %.2f ms, worst %.2f ms%n%n",
        megabytes,
        result.statements().size(),
        p50,
        megabytes / (p50 / 1e3),
        nanos[0] / 1e6,
        nanos[nanos.length - 1] / 1e6);

    assertThat(result.isClean()).isTrue();
    assertThat(result.statements()).allSatisfy(s -> assertThat(s.text()).doesNotEndWith(";"));
  }
}
