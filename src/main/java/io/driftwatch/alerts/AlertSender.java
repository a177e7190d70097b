package io.driftwatch.alerts;

import io.agroal.api.AgroalDataSource;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.environment.InvalidEnvironmentException;
import io.driftwatch.secrets.SecretCipher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox. Each pass claims due messages with FOR UPDATE SKIP LOCKED (two replicas never
 * take the same one), posts them, and records the outcome: delivered on 2xx; on 429 again after
 * Slack's Retry-After; on 5xx or a network error again with exponential backoff; given up on other
 * 4xx or after too many attempts. A claim expires, so a message whose sender died is sent by the next.
 */
@ApplicationScoped
public class AlertSender {

  private static final Logger LOG = Logger.getLogger(AlertSender.class);
  private static final Duration CLAIM = Duration.ofMinutes(2);
  private static final Duration MAX_BACKOFF = Duration.ofHours(1);

  private static final String CLAIM_DUE = """
      UPDATE alert_outbox SET claimed_until = now() + make_interval(secs => ?), attempts = attempts + 1
      WHERE id IN (SELECT id FROM alert_outbox
                   WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
                     AND (claimed_until IS NULL OR claimed_until < now())
                   ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED)
      RETURNING id, environment, tier, destination_secret, payload, attempts
      """;

  private final AgroalDataSource dataSource;
  private final SecretCipher cipher;
  private final AlertDestinations destinations;
  private final MeterRegistry registry;
  private final DriftwatchConfig.Alerts config;
  private final HttpClient http;

  public AlertSender(AgroalDataSource dataSource, SecretCipher cipher, AlertDestinations destinations,
      MeterRegistry registry, DriftwatchConfig config) {
    this.dataSource = dataSource;
    this.cipher = cipher;
    this.destinations = destinations;
    this.registry = registry;
    this.config = config.alerts();
    this.http = HttpClient.newBuilder()
        .connectTimeout(this.config.requestTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  private record Claimed(UUID id, String environment, String tier, String destinationSecret, String payload, int attempts) {}

  /** The outcome of one attempt. */
  enum Outcome { DELIVERED, RETRY, FAILED }

  @Scheduled(identity = "alert-delivery", every = "${driftwatch.alerts.delivery-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void deliverDue() {
    try {
      deliver();
    } catch (SQLException e) {
      LOG.warn("the alert outbox could not be read; delivery resumes on the next pass", e);
    }
  }

  /** One pass over the due messages; returns how many were attempted. */
  public int deliver() throws SQLException {
    List<Claimed> claimed = claim();
    for (Claimed message : claimed) {
      send(message);
    }
    return claimed.size();
  }

  private List<Claimed> claim() throws SQLException {
    List<Claimed> claimed = new ArrayList<>();
    try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(CLAIM_DUE)) {
      statement.setDouble(1, CLAIM.toSeconds());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          claimed.add(new Claimed(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3), rows.getString(4),
              rows.getString(5), rows.getInt(6)));
        }
      }
    }
    return claimed;
  }

  private void send(Claimed message) throws SQLException {
    Outcome outcome;
    Duration retryIn = null;
    String error = null;
    try {
      URI destination = destinations.check(cipher.decrypt(message.destinationSecret()));
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(destination)
              .timeout(config.requestTimeout())
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(message.payload()))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        outcome = Outcome.DELIVERED;
      } else if (status == 429) {
        outcome = Outcome.RETRY;
        retryIn = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
        error = "429 rate limited";
      } else if (status >= 500) {
        outcome = Outcome.RETRY;
        error = status + " " + abbreviate(response.body());
      } else {
        outcome = Outcome.FAILED;
        error = status + " " + abbreviate(response.body());
      }
    } catch (IOException e) {
      outcome = Outcome.RETRY;
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = Outcome.RETRY;
      error = "interrupted";
    } catch (InvalidEnvironmentException | IllegalArgumentException e) {
      outcome = Outcome.FAILED;
      error = e.getMessage();
    } catch (RuntimeException e) {
      outcome = Outcome.FAILED;
      error = "the destination cannot be opened: " + e.getClass().getSimpleName();
    }
    if (outcome == Outcome.RETRY && message.attempts() >= config.maxAttempts()) {
      outcome = Outcome.FAILED;
      error = "gave up after " + message.attempts() + " attempts: " + error;
    }
    if (outcome == Outcome.RETRY && retryIn == null) {
      retryIn = backoff(config.firstBackoff(), message.attempts());
    }
    record(message, outcome, retryIn, error);
    Counter.builder("driftwatch.alert.deliveries").description("Alert delivery attempts by outcome")
        .tags("environment", message.environment(), "tier", message.tier(), "outcome", outcome.name())
        .register(registry).increment();
  }

  private void record(Claimed message, Outcome outcome, Duration retryIn, String error) throws SQLException {
    String sql = switch (outcome) {
      case DELIVERED -> "UPDATE alert_outbox SET delivered_at = now(), claimed_until = NULL, last_error = NULL WHERE id = ?";
      case FAILED -> "UPDATE alert_outbox SET failed_at = now(), claimed_until = NULL, last_error = ? WHERE id = ?";
      case RETRY -> "UPDATE alert_outbox SET next_attempt_at = now() + make_interval(secs => ?), claimed_until = NULL,"
          + " last_error = ? WHERE id = ?";
    };
    try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      if (outcome == Outcome.RETRY) {
        statement.setDouble(index++, retryIn.toMillis() / 1000.0);
      }
      if (outcome != Outcome.DELIVERED) {
        statement.setString(index++, error);
      }
      statement.setObject(index, message.id());
      statement.executeUpdate();
    }
    if (outcome == Outcome.FAILED) {
      LOG.warnf("an alert for %s was given up: %s", message.environment(), error);
    }
  }

  /** Slack's Retry-After is in seconds; an unreadable one waits a minute. */
  static Duration retryAfter(String header) {
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(header.strip())));
    } catch (RuntimeException e) {
      return Duration.ofMinutes(1);
    }
  }

  static Duration backoff(Duration first, int attempts) {
    long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
    Duration delay = first.multipliedBy(factor);
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }

  private static String abbreviate(String body) {
    String text = body == null ? "" : body.strip();
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
