package io.driftwatch.bench;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Index;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.testing.CatalogReading;
import io.driftwatch.testing.TestPostgres;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Prints the time to introspect a 300-table Prisma schema on the local PostgreSQL: each table has 8
 * columns, a primary key, a unique and a plain index and a foreign key, with 20 enums between them
 * (target: p95 well under 200 ms). Creates and drops its own database. Not part of the test suite:
 * {@code mvn test -Dtest=CatalogIntrospectionBenchmark}, or run {@link #main} with the test
 * classpath.
 */
class CatalogIntrospectionBenchmark {

  static final int TABLES = 300;
  static final int ENUMS = 20;
  static final int WARM_UP = 10;
  static final int RUNS = 30;

  public static void main(String[] args) throws Exception {
    TestPostgres.Server server = TestPostgres.server();
    String database = server.createDatabase("dw_catalog_bench");
    try {
      try (Connection connection = server.connect(database);
          Statement statement = connection.createStatement()) {
        statement.execute(schema());
      }
      try (CatalogReading reading = CatalogReading.of(database)) {
        Catalog catalog = null;
        for (int i = 0; i < WARM_UP; i++) {
          catalog = reading.read("public");
        }
        long[] nanos = new long[RUNS];
        long[] baseline = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
          long start = System.nanoTime();
          catalog = reading.read("public");
          nanos[i] = System.nanoTime() - start;
          start = System.nanoTime();
          reading.inTransaction(connection -> connection.query("SELECT 1").execute());
          baseline[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        Arrays.sort(baseline);
        System.out.printf(
            "%nCATALOG INTROSPECTION BENCHMARK: %d tables, %d columns, %d indexes, %d foreign keys,"
                + " %d enums on %s (PostgreSQL %d)%n",
            catalog.tables().size(),
            catalog.tables().stream().mapToInt(table -> table.columns().size()).sum(),
            catalog.tables().stream().mapToInt(table -> table.indexes().size()).sum(),
            catalog.tables().stream().mapToInt(table -> table.foreignKeys().size()).sum(),
            catalog.enums().size(),
            server.origin(),
            catalog.serverMajorVersion());
        System.out.printf(
            "  read in one transaction, over %d runs after %d warm-up: min %.1f ms, p50 %.1f ms,"
                + " p95 %.1f ms, max %.1f ms (target: p95 well under 200 ms)%n",
            RUNS,
            WARM_UP,
            nanos[0] / 1e6,
            nanos[RUNS / 2] / 1e6,
            nanos[RUNS * 95 / 100] / 1e6,
            nanos[RUNS - 1] / 1e6);
        System.out.printf(
            "  baseline, a transaction running SELECT 1 on the same connection: p50 %.1f ms, p95 %.1f ms;"
                + " load average %.1f on %d processors%n%n",
            baseline[RUNS / 2] / 1e6,
            baseline[RUNS * 95 / 100] / 1e6,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            Runtime.getRuntime().availableProcessors());
        check(catalog);
      }
    } finally {
      server.dropDatabase(database);
    }
  }

  @Test
  void introspect_three_hundred_tables() throws Exception {
    main(new String[0]);
  }

  /** What {@code prisma migrate dev} writes for the generated models. */
  static String schema() {
    StringBuilder sql = new StringBuilder();
    for (int e = 0; e < ENUMS; e++) {
      sql.append("CREATE TYPE \"Kind").append(e).append("\" AS ENUM ('A', 'B', 'C', 'D');\n");
    }
    for (int t = 0; t < TABLES; t++) {
      String table = "Model" + t;
      sql.append("CREATE TABLE \"")
          .append(table)
          .append("\" (\n")
          .append("    \"id\" SERIAL NOT NULL,\n")
          .append("    \"code\" TEXT NOT NULL,\n")
          .append("    \"name\" VARCHAR(255),\n")
          .append("    \"kind\" \"Kind")
          .append(t % ENUMS)
          .append("\" NOT NULL DEFAULT 'A',\n")
          .append("    \"amount\" DECIMAL(65,30),\n")
          .append("    \"parentId\" INTEGER,\n")
          .append("    \"createdAt\" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n")
          .append("    \"updatedAt\" TIMESTAMP(3) NOT NULL,\n\n")
          .append("    CONSTRAINT \"")
          .append(table)
          .append("_pkey\" PRIMARY KEY (\"id\")\n);\n")
          .append("CREATE UNIQUE INDEX \"")
          .append(table)
          .append("_code_key\" ON \"")
          .append(table)
          .append("\"(\"code\");\n")
          .append("CREATE INDEX \"")
          .append(table)
          .append("_createdAt_idx\" ON \"")
          .append(table)
          .append("\"(\"createdAt\");\n");
      if (t > 0) {
        sql.append("ALTER TABLE \"")
            .append(table)
            .append("\" ADD CONSTRAINT \"")
            .append(table)
            .append("_parentId_fkey\" FOREIGN KEY (\"parentId\") REFERENCES \"Model")
            .append(t - 1)
            .append("\"(\"id\") ON DELETE SET NULL ON UPDATE CASCADE;\n");
      }
    }
    return sql.toString();
  }

  private static void check(Catalog catalog) {
    int indexes = catalog.tables().stream().mapToInt(table -> table.indexes().size()).sum();
    long constraintBacked =
        catalog.tables().stream()
            .flatMap(table -> table.indexes().stream())
            .filter(Index::constraintBacked)
            .count();
    if (catalog.tables().size() != TABLES
        || catalog.enums().size() != ENUMS
        || indexes != 3 * TABLES
        || constraintBacked != TABLES
        || catalog.tables().stream().mapToInt(Table::hashCode).count() != TABLES) {
      throw new AssertionError(
          "the benchmark read an unexpected catalog: "
              + catalog.tables().size()
              + " tables, "
              + catalog.enums().size()
              + " enums, "
              + indexes
              + " indexes");
    }
  }
}
