package io.driftwatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * Two replicas, each a process with its own scheduler, on one database migrated by the service's
 * Flyway scripts: each trigger fires exactly once; when one replica stops, the other takes over.
 */
class ClusteredSchedulerTest {

  private String database;
  private final List<Process> nodes = new ArrayList<>();

  @BeforeEach
  void database() throws Exception {
    TestPostgres.Server server = TestPostgres.server();
    database = server.createDatabase("dw_cluster");
    Flyway.configure()
        .dataSource(server.jdbcUrl(database), server.user(), server.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    try (Connection connection = server.connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE cluster_fires (fire_time BIGINT NOT NULL, instance TEXT NOT NULL)");
    }
  }

  @AfterEach
  void cleanUp() {
    nodes.forEach(Process::destroyForcibly);
    TestPostgres.server().dropDatabase(database);
  }

  private void startNode(String instance, int seconds) throws Exception {
    startNode(instance, seconds, "60000");
  }

  private void startNode(String instance, int seconds, String misfireThreshold) throws Exception {
    TestPostgres.Server server = TestPostgres.server();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    nodes.add(
        new ProcessBuilder(
                java.toString(),
                "-DmisfireThreshold=" + misfireThreshold,
                "-cp",
                classpath,
                ClusterNode.class.getName(),
                server.jdbcUrl(database),
                server.user(),
                server.password(),
                instance,
                String.valueOf(seconds))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start());
  }

  /** Scheduled fire time to the replicas that ran it. */
  private Map<Long, List<String>> fires() throws Exception {
    Map<Long, List<String>> fires = new LinkedHashMap<>();
    try (Connection connection = TestPostgres.server().connect(database);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT fire_time, instance FROM cluster_fires ORDER BY fire_time")) {
      while (rows.next()) {
        fires.computeIfAbsent(rows.getLong(1), ignored -> new ArrayList<>()).add(rows.getString(2));
      }
    }
    return fires;
  }

  @Test
  void after_downtime_a_missed_schedule_fires_once_not_in_a_burst() throws Exception {
    ClusterNode.url = TestPostgres.server().jdbcUrl(database);
    ClusterNode.user = TestPostgres.server().user();
    ClusterNode.password = TestPostgres.server().password();
    Scheduler writer = ClusterNode.scheduler("test-writer");
    JobKey job = JobKey.jobKey("audit", "audits");
    writer.addJob(
        JobBuilder.newJob(ClusterNode.RecordingJob.class).withIdentity(job).storeDurably().build(),
        false);
    writer.scheduleJob(
        AuditScheduler.trigger(TriggerKey.triggerKey("audit", "audits"), job, "* * * * * ?"));
    writer.shutdown();

    Thread.sleep(6000); // no replica runs: six scheduled times pass
    long started = System.currentTimeMillis();
    startNode("node-a", 4, "1000");
    assertThat(nodes.get(0).waitFor(30, TimeUnit.SECONDS)).isTrue();

    Map<Long, List<String>> fires = fires();
    assertThat(fires.keySet())
        .as("the missed times are not replayed")
        .allSatisfy(time -> assertThat(time).isGreaterThan(started - 8000));
    long catchUp = fires.keySet().stream().filter(time -> time < started).count();
    assertThat(catchUp).as("one catch-up fire for six missed times").isLessThanOrEqualTo(1);
    assertThat(fires.size()).as("then once a second for about four seconds").isBetween(2, 7);
  }

  @Test
  void each_trigger_fires_once_and_the_survivor_takes_over() throws Exception {
    startNode("node-a", 10);
    startNode("node-b", 22);
    ClusterNode.url = TestPostgres.server().jdbcUrl(database);
    ClusterNode.user = TestPostgres.server().user();
    ClusterNode.password = TestPostgres.server().password();
    Scheduler writer = ClusterNode.scheduler("test-writer");
    writer.scheduleJob(
        JobBuilder.newJob(ClusterNode.RecordingJob.class).withIdentity("audit", "audits").build(),
        TriggerBuilder.newTrigger()
            .withIdentity("audit", "audits")
            .startNow()
            .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(1))
            .build());
    writer.shutdown();

    assertThat(nodes.get(0).waitFor(30, TimeUnit.SECONDS)).as("node-a stops by itself").isTrue();
    long nodeAStopped = System.currentTimeMillis();
    assertThat(nodes.get(1).waitFor(30, TimeUnit.SECONDS)).as("node-b stops by itself").isTrue();

    Map<Long, List<String>> fires = fires();
    assertThat(fires).as("fires over about 20 s").hasSizeGreaterThanOrEqualTo(12);
    assertThat(fires.values())
        .as("every scheduled fire ran on exactly one replica")
        .allSatisfy(runs -> assertThat(runs).hasSize(1));
    List<String> afterStop =
        fires.entrySet().stream()
            .filter(entry -> entry.getKey() > nodeAStopped + 1000)
            .map(entry -> entry.getValue().get(0))
            .toList();
    assertThat(afterStop)
        .as("node-b took over when node-a stopped")
        .hasSizeGreaterThanOrEqualTo(5)
        .containsOnly("node-b");
  }
}
