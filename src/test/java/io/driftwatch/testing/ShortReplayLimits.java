package io.driftwatch.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays on the default shadow server (the store's own, as a superuser manager: the quick start's setup, where a
 * replay once ran as that superuser) with short limits, so that a hostile script meets them fast.
 */
public class ShortReplayLimits implements QuarkusTestResourceLifecycleManager {

  private static final Pattern MADE_AT = Pattern.compile("^dw_(?:replay|shadow)_(\\d+)_[0-9a-f]{12}$");

  @Override
  public Map<String, String> start() {
    return Map.of(
        "driftwatch.shadow.timeout", "8s",
        "driftwatch.shadow.statement-timeout", "3s",
        "driftwatch.shadow.temp-file-limit", "8M",
        "driftwatch.shadow.max-script-bytes", "262144");
  }

  @Override
  public void stop() {}

  /**
   * The replay roles and scratch databases made at or after {@code since} that still exist, and the replay sessions
   * still running: after an audit has returned, all of them should be gone.
   */
  public static List<String> sandboxesLeftSince(Instant since) throws SQLException {
    List<String> left = new ArrayList<>();
    try (Connection connection = TestPostgres.server().connect("postgres");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT rolname AS name FROM pg_roles WHERE rolname LIKE 'dw\\_replay\\_%'"
            + " UNION ALL SELECT datname FROM pg_database WHERE datname LIKE 'dw\\_shadow\\_%'"
            + " UNION ALL SELECT 'session of ' || usename FROM pg_stat_activity WHERE usename LIKE 'dw\\_replay\\_%'")) {
      while (rows.next()) {
        String name = rows.getString(1);
        Matcher matcher = MADE_AT.matcher(name.replace("session of ", ""));
        if (matcher.matches() && Long.parseLong(matcher.group(1)) >= since.getEpochSecond()) {
          left.add(name);
        }
      }
    }
    return left;
  }
}
