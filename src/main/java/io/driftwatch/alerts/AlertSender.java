package io.driftwatch.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.environment.InvalidEnvironmentException;
import io.driftwatch.secrets.SecretCipher;
import io.driftwatch.store.OutboxClaims;
import io.driftwatch.store.OutboxClaims.Attempt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox. Each pass claims due messages with FOR UPDATE SKIP LOCKED (two replicas
 * never take the same one), posts them, and records the outcome: delivered on 2xx; on 429 again
 * after Slack's Retry-After; on 5xx or a network error again with exponential backoff; a Slack
 * message refused with 400 (or 413) is sent again once as plain text; given up (FAILED, kept in the
 * outbox, listed by the API) on other 4xx or after too many attempts.
 *
 * <p>A claim names its sender (a token per pass) and expires, so a message whose sender died is
 * sent by the next one. Before each post the sender renews its claim on that message only if it
 * still holds it: a sender that stalled past its claim finds the message taken and leaves it, so a
 * message is never posted by two senders.
 */
@ApplicationScoped
public class AlertSender {

  private static final Logger LOG = Logger.getLogger(AlertSender.class);
  private static final Duration MAX_BACKOFF = Duration.ofHours(1);
  static final int BATCH = 20;

  private final OutboxClaims outbox;
  private final SecretCipher cipher;
  private final AlertDestinations destinations;
  private final MeterRegistry registry;
  private final SlackMessage slack;
  private final AlertOutboxGauges gauges;
  private final DriftwatchConfig.Alerts config;
  private final Duration claim;
  private final HttpClient http;

  public AlertSender(
      OutboxClaims outbox,
      SecretCipher cipher,
      AlertDestinations destinations,
      MeterRegistry registry,
      ObjectMapper mapper,
      AlertOutboxGauges gauges,
      DriftwatchConfig config) {
    this.outbox = outbox;
    this.cipher = cipher;
    this.destinations = destinations;
    this.registry = registry;
    this.slack = new SlackMessage(mapper);
    this.gauges = gauges;
    this.config = config.alerts();
    // Covers one whole exchange (bounded by the request timeout) and the writes around it.
    this.claim = this.config.requestTimeout().multipliedBy(2).plusSeconds(10);
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(this.config.requestTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A message this pass holds. */
  record Claimed(UUID id, String environment, String tier, AlertChannel channel, UUID token) {}

  /** The outcome of one attempt; the label of driftwatch_alert_deliveries_total. */
  enum Outcome {
    DELIVERED,
    RETRY,
    FALLBACK,
    FAILED
  }

  @Scheduled(
      identity = "alert-delivery",
      every = "${driftwatch.alerts.delivery-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void deliverDue() {
    try {
      deliver();
    } catch (SQLException e) {
      LOG.warn("the alert outbox could not be read; delivery resumes on the next pass", e);
    }
    gauges.refresh();
  }

  /** One pass over the due messages; returns how many were claimed. */
  public int deliver() throws SQLException {
    List<Claimed> claimed = claim();
    for (Claimed message : claimed) {
      send(message);
    }
    return claimed.size();
  }

  /** Claims up to a batch of due messages for this pass. */
  List<Claimed> claim() throws SQLException {
    return outbox.claimDue(claim, BATCH).stream()
        .map(
            row ->
                new Claimed(
                    row.id(),
                    row.environment(),
                    row.tier(),
                    AlertChannel.valueOf(row.channel()),
                    row.token()))
        .toList();
  }

  /** Sends one claimed message, unless another sender took it meanwhile. */
  void send(Claimed message) throws SQLException {
    Optional<Attempt> attempt = begin(message);
    if (attempt.isEmpty()) {
      LOG.debugf(
          "alert %s was taken by another sender after this one's claim ran out; left to it",
          message.id());
      return;
    }
    Result result = post(message, attempt.get());
    record(message, result);
    Counter.builder("driftwatch.alert.deliveries")
        .description("Alert delivery attempts by outcome")
        .tags(
            "environment",
            message.environment(),
            "tier",
            message.tier(),
            "outcome",
            result.outcome().name())
        .register(registry)
        .increment();
  }

  private Optional<Attempt> begin(Claimed message) throws SQLException {
    return outbox.begin(message.id(), message.token(), claim);
  }

  /**
   * What an attempt came to.
   *
   * @param retryIn when to try again (RETRY)
   * @param payload the payload to send next (FALLBACK)
   */
  private record Result(Outcome outcome, Duration retryIn, String error, String payload) {}

  private Result post(Claimed message, Attempt attempt) {
    String url = null;
    Result result;
    try {
      url = cipher.decrypt(attempt.destinationSecret());
      URI destination = destinations.check(url);
      HttpResponse<String> response =
          exchange(
              HttpRequest.newBuilder(destination)
                  .timeout(config.requestTimeout())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(attempt.payload()))
                  .build());
      result = judge(message, attempt, response);
    } catch (IOException | TimeoutException e) {
      result = new Result(Outcome.RETRY, null, describe(e), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result = new Result(Outcome.RETRY, null, "interrupted", null);
    } catch (InvalidEnvironmentException | IllegalArgumentException e) {
      result = new Result(Outcome.FAILED, null, e.getMessage(), null);
    } catch (RuntimeException e) {
      result =
          new Result(
              Outcome.FAILED,
              null,
              "the destination cannot be opened: " + e.getClass().getSimpleName(),
              null);
    }
    if (result.outcome() == Outcome.RETRY && attempt.attempts() >= config.maxAttempts()) {
      result =
          new Result(
              Outcome.FAILED,
              null,
              "gave up after " + attempt.attempts() + " attempts: " + result.error(),
              null);
    }
    if (result.outcome() == Outcome.RETRY && result.retryIn() == null) {
      result =
          new Result(
              Outcome.RETRY,
              backoff(config.firstBackoff(), attempt.attempts()),
              result.error(),
              null);
    }
    return new Result(
        result.outcome(), result.retryIn(), redact(result.error(), url), result.payload());
  }

  /**
   * The whole exchange, body included, within a bound: a receiver that trickles its answer cannot
   * hold a sender.
   */
  private HttpResponse<String> exchange(HttpRequest request)
      throws IOException, InterruptedException, TimeoutException {
    CompletableFuture<HttpResponse<String>> response =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    try {
      return response.get(config.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause());
    } catch (TimeoutException e) {
      response.cancel(true);
      throw e;
    }
  }

  private Result judge(Claimed message, Attempt attempt, HttpResponse<String> response) {
    int status = response.statusCode();
    String error = status + " " + abbreviate(response.body());
    if (status >= 200 && status < 300) {
      return new Result(Outcome.DELIVERED, null, null, null);
    }
    if (status == 429) {
      return new Result(
          Outcome.RETRY,
          retryAfter(response.headers().firstValue("Retry-After").orElse(null)),
          "429 rate limited",
          null);
    }
    if (status >= 500) {
      return new Result(Outcome.RETRY, null, error, null);
    }
    if (message.channel() == AlertChannel.SLACK && (status == 400 || status == 413)) {
      Optional<String> fallback = slack.fallback(attempt.payload());
      if (fallback.isPresent()) {
        return new Result(
            Outcome.FALLBACK, null, error + "; sent again as plain text", fallback.get());
      }
    }
    return new Result(Outcome.FAILED, null, error, null);
  }

  private void record(Claimed message, Result result) throws SQLException {
    boolean recorded =
        switch (result.outcome()) {
          case DELIVERED -> outbox.delivered(message.id(), message.token());
          case FAILED -> outbox.failed(message.id(), message.token(), result.error());
          case RETRY ->
              outbox.retryIn(message.id(), message.token(), result.retryIn(), result.error());
          case FALLBACK ->
              outbox.fallback(message.id(), message.token(), result.payload(), result.error());
        };
    if (!recorded) {
      LOG.warnf(
          "alert %s for %s: its outcome (%s) was not recorded, its claim was lost",
          message.id(), message.environment(), result.outcome());
    } else if (result.outcome() == Outcome.FAILED) {
      LOG.warnf(
          "an alert for %s was given up: %s (GET /api/v1/alerts/deliveries?state=failed lists it, "
              + "POST /api/v1/alerts/deliveries/%s/retry sends it again)",
          message.environment(), result.error(), message.id());
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

  private static String describe(Exception e) {
    if (e instanceof TimeoutException) {
      return "no answer within the request timeout (DRIFTWATCH_ALERTS_REQUEST_TIMEOUT)";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** The webhook URL is a secret: never in an error that the API lists or the log shows. */
  static String redact(String error, String url) {
    if (error == null || url == null || url.isEmpty()) {
      return error;
    }
    String redacted = error.replace(url, "<webhook>");
    int path = url.indexOf('/', url.indexOf("//") + 2);
    return path < 0 || path >= url.length() - 1
        ? redacted
        : redacted.replace(url.substring(path), "/<webhook path>");
  }

  private static String abbreviate(String body) {
    String text = body == null ? "" : body.strip();
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
