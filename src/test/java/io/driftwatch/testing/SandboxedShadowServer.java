package io.driftwatch.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The shadow server as a careful operator sets it up: a manager role that is no superuser (CREATEDB
 * and CREATEROLE, and SET on temp_file_limit, PostgreSQL 15's grant), with short replay limits so a
 * hostile script meets them fast. The manager is a member of exactly the replay roles it made and
 * has not dropped yet: {@link #openSandboxes()} is how a test sees that none is left.
 */
public class SandboxedShadowServer implements QuarkusTestResourceLifecycleManager {

  private static volatile String manager;

  /** The manager role of the running test application. */
  public static String manager() {
    return manager;
  }

  @Override
  public Map<String, String> start() {
    TestPostgres.Server server = TestPostgres.server();
    String role =
        ("dw_manager_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10))
            .toLowerCase(Locale.ROOT);
    ServerSql.execute("CREATE ROLE " + role + " LOGIN CREATEDB CREATEROLE NOSUPERUSER");
    ServerSql.execute("GRANT SET ON PARAMETER temp_file_limit TO " + role);
    manager = role;
    return Map.of(
        "driftwatch.shadow.url",
            "postgresql://" + role + "@" + server.host() + ":" + server.port() + "/postgres",
        "driftwatch.shadow.timeout", "15s",
        "driftwatch.shadow.statement-timeout", "3s",
        "driftwatch.shadow.cancel-grace", "2s",
        "driftwatch.shadow.temp-file-limit", "8M",
        "driftwatch.shadow.max-script-bytes", "262144",
        "driftwatch.shadow.sweep-interval", "0s");
  }

  @Override
  public void stop() {
    if (manager == null) {
      return;
    }
    try {
      for (String role : openSandboxes()) {
        ServerSql.execute(
            "DROP DATABASE IF EXISTS \""
                + role.replace("dw_replay_", "dw_shadow_")
                + "\" WITH (FORCE)");
        ServerSql.execute("DROP ROLE IF EXISTS \"" + role + "\"");
      }
      ServerSql.execute("REVOKE SET ON PARAMETER temp_file_limit FROM " + manager);
      ServerSql.execute("DROP ROLE IF EXISTS " + manager);
    } catch (SQLException | RuntimeException e) {
      // the server may already be gone
    }
  }

  /**
   * The replay roles the manager made that still exist once the background teardowns had their
   * time.
   */
  public static List<String> openSandboxesAfterTeardown() {
    return Eventually.within(
        ShortReplayLimits.TEARDOWN_BOUND, SandboxedShadowServer::openSandboxes, List::isEmpty);
  }

  /** The replay roles the manager made that still exist: each is a sandbox not torn down. */
  public static List<String> openSandboxes() throws SQLException {
    List<String> roles = new ArrayList<>();
    try (Connection connection = TestPostgres.server().connect("postgres");
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT r.rolname FROM pg_auth_members m"
                    + " JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles g ON g.oid = m.member WHERE g.rolname = '"
                    + manager
                    + "'")) {
      while (rows.next()) {
        roles.add(rows.getString(1));
      }
    }
    return roles;
  }
}
