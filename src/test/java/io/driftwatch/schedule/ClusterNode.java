package io.driftwatch.schedule;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * One replica's scheduler, in a process of its own, as the service runs it: Quartz's clustered JDBC
 * store on the service's tables. Records every job it runs in {@code cluster_fires}, runs for the
 * given number of seconds, then shuts down cleanly. Used by {@link ClusteredSchedulerTest}.
 */
public final class ClusterNode {

  static String url;
  static String user;
  static String password;

  private ClusterNode() {}

  /** Records (scheduled fire time, instance) for each run. */
  public static class RecordingJob implements Job {
    @Override
    public void execute(JobExecutionContext context) {
      try (Connection connection = DriverManager.getConnection(url, user, password);
          PreparedStatement insert =
              connection.prepareStatement("INSERT INTO cluster_fires VALUES (?, ?)")) {
        insert.setLong(1, context.getScheduledFireTime().getTime());
        insert.setString(2, context.getScheduler().getSchedulerInstanceId());
        insert.executeUpdate();
      } catch (SQLException | SchedulerException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Arguments: JDBC URL, user, password, instance id, seconds to run. */
  public static void main(String[] args) throws Exception {
    url = args[0];
    user = args[1];
    password = args[2];
    Scheduler scheduler = scheduler(args[3]);
    scheduler.start();
    Thread.sleep(Long.parseLong(args[4]) * 1000);
    scheduler.shutdown(true);
  }

  static Scheduler scheduler(String instanceId) throws Exception {
    DBConnectionManager.getInstance()
        .addConnectionProvider(
            "cluster",
            new ConnectionProvider() {
              @Override
              public Connection getConnection() throws SQLException {
                return DriverManager.getConnection(url, user, password);
              }

              @Override
              public void shutdown() {}

              @Override
              public void initialize() {}
            });
    Properties properties = new Properties();
    properties.setProperty("org.quartz.scheduler.instanceName", "driftwatch-cluster-test");
    properties.setProperty("org.quartz.scheduler.instanceId", instanceId);
    properties.setProperty("org.quartz.threadPool.threadCount", "2");
    properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    properties.setProperty(
        "org.quartz.jobStore.driverDelegateClass",
        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    properties.setProperty("org.quartz.jobStore.dataSource", "cluster");
    properties.setProperty("org.quartz.jobStore.isClustered", "true");
    // As the service configures it (application.properties): acquisition under the cluster lock.
    properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "1000");
    properties.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
    properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    properties.setProperty(
        "org.quartz.jobStore.misfireThreshold", System.getProperty("misfireThreshold", "60000"));
    return new StdSchedulerFactory(properties).getScheduler();
  }
}
