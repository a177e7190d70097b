package io.driftwatch.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The alert outbox as its senders see it: claims that name their sender and expire, and the outcome
 * of each attempt written only by the sender still holding the claim. Blocking JDBC on the
 * service's own store (delivery runs on a scheduled worker thread, not on the event loop).
 */
@ApplicationScoped
public class OutboxClaims {

  private static final String CLAIM_DUE =
      """
      UPDATE alert_outbox SET claimed_until = now() + make_interval(secs => ?), claimed_by = ?
      WHERE id IN (SELECT id FROM alert_outbox
                   WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
                     AND (claimed_until IS NULL OR claimed_until < now())
                   ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)
      RETURNING id, environment, tier, channel
      """;

  /**
   * Renews the claim on one message, counts the attempt, and reads what to send; nothing when
   * another took it.
   */
  private static final String BEGIN =
      """
      UPDATE alert_outbox SET claimed_until = now() + make_interval(secs => ?), attempts = attempts + 1
      WHERE id = ? AND claimed_by = ? AND delivered_at IS NULL AND failed_at IS NULL
      RETURNING destination_secret, payload, attempts
      """;

  private static final String DELIVERED =
      "UPDATE alert_outbox SET delivered_at = now(), claimed_until = NULL, claimed_by = NULL,"
          + " last_error = NULL WHERE id = ? AND claimed_by = ?";
  private static final String FAILED =
      "UPDATE alert_outbox SET failed_at = now(), claimed_until = NULL, claimed_by = NULL,"
          + " last_error = ? WHERE id = ? AND claimed_by = ?";
  private static final String RETRY =
      "UPDATE alert_outbox SET next_attempt_at = now() + make_interval(secs => ?),"
          + " claimed_until = NULL, claimed_by = NULL, last_error = ? WHERE id = ? AND claimed_by = ?";
  private static final String FALLBACK =
      "UPDATE alert_outbox SET payload = ?, next_attempt_at = now(), claimed_until = NULL,"
          + " claimed_by = NULL, last_error = ? WHERE id = ? AND claimed_by = ?";

  private static final String BACKLOG =
      """
      SELECT count(*) FILTER (WHERE failed_at IS NOT NULL),
             count(*) FILTER (WHERE failed_at IS NULL),
             coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE failed_at IS NULL)), 0)
      FROM alert_outbox WHERE delivered_at IS NULL
      """;

  private final AgroalDataSource dataSource;

  public OutboxClaims(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A due message claimed by {@code token}. */
  public record Claim(UUID id, String environment, String tier, String channel, UUID token) {}

  /** What one attempt sends. */
  public record Attempt(String destinationSecret, String payload, int attempts) {}

  /**
   * What is not delivered yet.
   *
   * @param failed given up, kept for someone to retry
   * @param pending still to be sent
   * @param oldestPendingSeconds how long the oldest pending one waits; 0 when none
   */
  public record Backlog(long failed, long pending, double oldestPendingSeconds) {}

  public Backlog backlog() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(BACKLOG);
        ResultSet row = statement.executeQuery()) {
      row.next();
      return new Backlog(row.getLong(1), row.getLong(2), row.getDouble(3));
    }
  }

  /** Claims up to {@code batch} due messages, oldest first, for {@code claim}. */
  public List<Claim> claimDue(Duration claim, int batch) throws SQLException {
    UUID token = UUID.randomUUID();
    List<Claim> claimed = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(CLAIM_DUE)) {
      statement.setDouble(1, claim.toSeconds());
      statement.setObject(2, token);
      statement.setInt(3, batch);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          claimed.add(
              new Claim(
                  rows.getObject(1, UUID.class),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  token));
        }
      }
    }
    return claimed;
  }

  /** Renews the claim and counts the attempt; empty when another sender holds the message now. */
  public Optional<Attempt> begin(UUID id, UUID token, Duration claim) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(BEGIN)) {
      statement.setDouble(1, claim.toSeconds());
      statement.setObject(2, id);
      statement.setObject(3, token);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next()
            ? Optional.of(new Attempt(rows.getString(1), rows.getString(2), rows.getInt(3)))
            : Optional.empty();
      }
    }
  }

  /** Each returns false when the claim was lost (the outcome is then not recorded). */
  public boolean delivered(UUID id, UUID token) throws SQLException {
    return update(DELIVERED, id, token);
  }

  public boolean failed(UUID id, UUID token, String error) throws SQLException {
    return update(FAILED, id, token, error);
  }

  public boolean retryIn(UUID id, UUID token, Duration delay, String error) throws SQLException {
    return update(RETRY, id, token, delay.toMillis() / 1000.0, error);
  }

  /** Replaces the payload (a Slack message sent again as plain text) and makes it due now. */
  public boolean fallback(UUID id, UUID token, String payload, String error) throws SQLException {
    return update(FALLBACK, id, token, payload, error);
  }

  private boolean update(String sql, UUID id, UUID token, Object... first) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      for (Object value : first) {
        statement.setObject(index++, value);
      }
      statement.setObject(index++, id);
      statement.setObject(index, token);
      return statement.executeUpdate() > 0;
    }
  }
}
