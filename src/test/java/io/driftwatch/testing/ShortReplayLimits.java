package io.driftwatch.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Replays on the store's own server as a superuser manager (the quick start's setup, where a replay
 * once ran as that superuser) with short limits, so that a hostile script meets them fast. The
 * manager is a superuser role of this test run's own, so that the sandboxes it made are told apart
 * from those of any other run on the same server: it is a member of each replay role it made and
 * has not dropped yet.
 */
public class ShortReplayLimits implements QuarkusTestResourceLifecycleManager {

  /**
   * How long after an audit has answered its sandboxes may still exist: they are dropped in the
   * background, after the replay role's sessions are cancelled and, past the cancel grace (2 s
   * here), terminated.
   */
  public static final Duration TEARDOWN_BOUND = Duration.ofSeconds(15);

  private static volatile String manager;

  @Override
  public Map<String, String> start() {
    TestPostgres.Server server = TestPostgres.server();
    String role =
        ("dw_superuser_manager_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10))
            .toLowerCase(Locale.ROOT);
    ServerSql.execute("CREATE ROLE " + role + " LOGIN SUPERUSER");
    manager = role;
    return Map.of(
        "driftwatch.shadow.url",
            "postgresql://" + role + "@" + server.host() + ":" + server.port() + "/postgres",
        "driftwatch.shadow.timeout", "8s",
        "driftwatch.shadow.statement-timeout", "3s",
        "driftwatch.shadow.cancel-grace", "2s",
        "driftwatch.shadow.temp-file-limit", "8M",
        "driftwatch.shadow.max-script-bytes", "262144");
  }

  @Override
  public void stop() {
    if (manager == null) {
      return;
    }
    try {
      for (String left : sandboxesLeft()) {
        if (left.startsWith("dw_shadow_")) {
          ServerSql.execute("DROP DATABASE IF EXISTS \"" + left + "\" WITH (FORCE)");
        }
      }
      for (String left : sandboxesLeft()) {
        if (left.startsWith("dw_replay_")) {
          ServerSql.execute("DROP ROLE IF EXISTS \"" + left + "\"");
        }
      }
      ServerSql.execute("DROP ROLE IF EXISTS " + manager);
    } catch (SQLException | RuntimeException e) {
      // the server may already be gone
    }
  }

  /**
   * What {@link #sandboxesLeft} finds once the teardown's bound is over (at once when nothing is
   * left).
   */
  public static List<String> sandboxesLeftAfterTeardown() {
    return Eventually.within(TEARDOWN_BOUND, ShortReplayLimits::sandboxesLeft, List::isEmpty);
  }

  /**
   * The replay roles this run's manager made that still exist, their scratch databases, and their
   * sessions still running (backends in pg_stat_activity): shortly after an audit has returned, all
   * of them should be gone. A role's database and sessions go before the role, which the manager
   * drops last.
   */
  public static List<String> sandboxesLeft() throws SQLException {
    List<String> left = new ArrayList<>();
    try (Connection connection = TestPostgres.server().connect("postgres");
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "WITH ours AS (SELECT r.oid, r.rolname FROM pg_auth_members m"
                    + " JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles g ON g.oid = m.member WHERE g.rolname = '"
                    + manager
                    + "' AND r.rolname LIKE 'dw\\_replay\\_%')"
                    + " SELECT rolname AS name FROM ours"
                    + " UNION ALL SELECT datname FROM pg_database WHERE datdba IN (SELECT oid FROM ours)"
                    + " UNION ALL SELECT 'session of ' || usename FROM pg_stat_activity WHERE usesysid IN (SELECT oid FROM ours)")) {
      while (rows.next()) {
        left.add(rows.getString(1));
      }
    }
    return left;
  }
}
