package io.driftwatch.bench;

import static io.restassured.RestAssured.given;

import io.driftwatch.database.postgres.PrismaHistoryTable;
import io.driftwatch.testing.Checksums;
import io.driftwatch.testing.PackagedService;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.TargetDatabase;
import io.driftwatch.testing.TestPostgres;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 1,000 environments audited every minute (all on one cron, the worst case: a burst of 1,000 at the
 * top of each minute) for three minutes, against the packaged service running as its own process
 * (so its RSS is its own). Prints audits per minute, the p95 lateness of a scheduled audit against
 * its trigger time, the peak number of connections to the targets, and the service's peak RSS. Not
 * part of the test suite: {@code mvn -DskipTests package && mvn test
 * -Dtest=ScheduleScaleBenchmark}.
 */
class ScheduleScaleBenchmark {

  /** The service's JVM flags in this benchmark: what a 512 MiB container would give it. */
  static final List<String> JVM_FLAGS =
      List.of(
          "-Xmx256m",
          "-XX:MaxMetaspaceSize=160m",
          "-XX:+UseSerialGC",
          "-Xss512k",
          "-XX:ReservedCodeCacheSize=64m");

  static final int ENVIRONMENTS = 1_000;
  static final int MINUTES = 3;

  @Test
  void a_thousand_environments_on_a_schedule() throws Exception {
    try (PackagedService service =
        PackagedService.start(
            JVM_FLAGS, Map.of(), Path.of("target", "scale-benchmark-service.log"))) {
      RestAssured.port = service.port();
      RestAssured.authentication = RestAssured.oauth2(PackagedService.ADMIN_TOKEN);
      run(service.server(), service.store(), service.process());
    }
  }

  private void run(TestPostgres.Server server, String store, Process service) throws Exception {
    try (TargetDatabase target = TargetDatabase.create();
        PrismaFolder folder =
            PrismaFolder.create().migration("20240101000000_init", "SELECT 1;\n")) {
      StringBuilder setup = new StringBuilder();
      for (int i = 0; i < ENVIRONMENTS; i++) {
        setup
            .append("CREATE SCHEMA s")
            .append(i)
            .append(";\n")
            .append(PrismaHistoryTable.createIn("s" + i))
            .append(";\n")
            .append("INSERT INTO s")
            .append(i)
            .append(
                "._prisma_migrations (id, checksum, finished_at, migration_name, "
                    + "started_at, applied_steps_count) VALUES (gen_random_uuid()::text, '")
            .append(Checksums.of("SELECT 1;\n"))
            .append("', now(), '20240101000000_init', now(), 1);\n");
      }
      target.sql(setup.toString());

      long registering = System.nanoTime();
      ExecutorService clients = Executors.newFixedThreadPool(8);
      List<Future<Integer>> created = new ArrayList<>();
      for (int i = 0; i < ENVIRONMENTS; i++) {
        int n = i;
        created.add(
            clients.submit(
                () ->
                    given()
                        .contentType(ContentType.JSON)
                        .body(
                            Map.of(
                                "name",
                                "scale-" + n,
                                "tier",
                                n % 10 == 0 ? "production" : "staging",
                                "databaseUrl",
                                server.prismaUrl(target.name(), "s" + n),
                                "source",
                                Map.of("type", "path", "path", folder.path()),
                                "schedule",
                                Map.of("cron", "0 * * * * ?")))
                        .post("/api/v1/environments")
                        .statusCode()));
      }
      for (Future<Integer> status : created) {
        if (status.get() != 201) {
          throw new IllegalStateException("registration failed: " + status.get());
        }
      }
      clients.shutdown();
      double registered = (System.nanoTime() - registering) / 1e9;

      // Measure whole minutes: from the next minute boundary on.
      long start = (System.currentTimeMillis() / 60_000 + 1) * 60_000;
      long end = start + MINUTES * 60_000L;
      AtomicInteger peakConnections = new AtomicInteger();
      AtomicLong peakRss = new AtomicLong();
      try (Connection admin = server.connect("postgres");
          Statement sample = admin.createStatement()) {
        while (System.currentTimeMillis() < end + 5_000) {
          try (ResultSet rows =
              sample.executeQuery(
                  "SELECT count(*) FROM pg_stat_activity WHERE datname = '"
                      + target.name()
                      + "'")) {
            rows.next();
            peakConnections.accumulateAndGet(rows.getInt(1), Math::max);
          }
          peakRss.accumulateAndGet(rssKb(service.pid()), Math::max);
          Thread.sleep(200);
        }
      }

      try (Connection storeConnection = server.connect(store);
          Statement query = storeConnection.createStatement();
          ResultSet stats =
              query.executeQuery(
                  """
              SELECT count(*),
                     percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM started_at - date_trunc('minute', started_at))),
                     percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM started_at - date_trunc('minute', started_at))),
                     max(extract(epoch FROM started_at - date_trunc('minute', started_at))),
                     count(*) FILTER (WHERE outcome = 'ERROR')
              FROM audit WHERE started_at >= to_timestamp(%d / 1000.0) AND started_at < to_timestamp(%d / 1000.0)
              """
                      .formatted(start, end))) {
        stats.next();
        System.out.printf(
            "%nSCHEDULE SCALE BENCHMARK: %,d environments on cron \"0 * * * * ?\" (one burst a minute),"
                + " %d scheduler threads, registered in %.1f s%n",
            ENVIRONMENTS, Integer.getInteger("driftwatch.schedule.concurrency", 4), registered);
        System.out.printf(
            "  audits per minute over %d minutes: %.0f (%d errors)%n",
            MINUTES, stats.getLong(1) / (double) MINUTES, stats.getLong(5));
        System.out.printf(
            "  lateness against the trigger time: p50 %.1f s, p95 %.1f s, max %.1f s%n",
            stats.getDouble(2), stats.getDouble(3), stats.getDouble(4));
        System.out.printf(
            "  peak connections to the targets: %d; peak RSS of the service process: %d MB (target <= 400 MB)"
                + " with %s%n%n",
            peakConnections.get(), peakRss.get() / 1024, String.join(" ", JVM_FLAGS));
      }
    }
  }

  private static long rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      return 0;
    }
    return 0;
  }
}
