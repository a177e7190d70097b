package io.driftwatch.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.alerts.AlertEvent.Kind;
import io.driftwatch.audit.AuditListener;
import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.FindingReport;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.Outcome;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.environment.Tier;
import io.driftwatch.secrets.SecretCipher;
import io.driftwatch.store.AlertOutboxEntity;
import io.driftwatch.store.EnvironmentEntity;
import io.driftwatch.store.OpenFindingEntity;
import io.driftwatch.store.OpenFindingRepository;
import io.driftwatch.store.StoreBatches;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps each environment's open findings and writes the alerts an audit causes into the outbox, in
 * the audit's own transaction: the audit and its alerts are stored together or not at all. New
 * findings are announced, findings that cleared are announced as resolved, and findings still open
 * and not acknowledged are reminded of once per reminder interval. An ERROR audit changes nothing
 * (it cannot tell whether findings cleared).
 */
@ApplicationScoped
public class AlertRecorder implements AuditListener {

  private final OpenFindingRepository openFindings;
  private final SecretCipher cipher;
  private final SlackMessage slack;
  private final WebhookMessage webhook;
  private final Optional<String> defaultSlack;
  private final String baseUrl;
  private final Duration reminderInterval;

  public AlertRecorder(
      OpenFindingRepository openFindings,
      SecretCipher cipher,
      ObjectMapper mapper,
      DriftwatchConfig config) {
    this.openFindings = openFindings;
    this.cipher = cipher;
    this.slack = new SlackMessage(mapper);
    this.webhook = new WebhookMessage(mapper);
    this.defaultSlack = config.alerts().slackWebhookUrl().filter(url -> !url.isBlank());
    this.baseUrl =
        config.alerts().externalBaseUrl().orElse("http://localhost:8080").replaceAll("/+$", "");
    this.reminderInterval = config.alerts().reminderInterval();
  }

  /**
   * Where an environment's alerts go: its Slack webhook or the global one, and its generic webhook.
   */
  private List<AlertDestination> destinations(EnvironmentEntity environment) {
    List<AlertDestination> destinations = new ArrayList<>();
    Optional.ofNullable(environment.alertsWebhookSecret)
        .or(() -> defaultSlack.map(cipher::encrypt))
        .ifPresent(secret -> destinations.add(new AlertDestination(AlertChannel.SLACK, secret)));
    if (environment.alertsGenericWebhookSecret != null) {
      destinations.add(
          new AlertDestination(AlertChannel.WEBHOOK, environment.alertsGenericWebhookSecret));
    }
    return destinations;
  }

  /**
   * The least severity that alerts in the environment: its own setting, else its tier's default.
   */
  static Severity threshold(EnvironmentEntity environment) {
    return environment.alertsMinSeverity != null
        ? Severity.valueOf(environment.alertsMinSeverity)
        : Tier.parse(environment.tier).defaultAlertSeverity();
  }

  /**
   * Where a report's link points: the audit's page on the board, which a colleague opens from Slack
   * (signing in first if need be, then landing on it); its JSON is {@code /api/v1/audits/{id}}.
   */
  String reportUrl(UUID auditId) {
    return baseUrl + "/audits/" + auditId;
  }

  /** Whether the environment has anywhere to send alerts. */
  public boolean hasDestination(EnvironmentEntity environment) {
    return !destinations(environment).isEmpty();
  }

  /** The alerts an audit opens and closes, written to the outbox with its report. */
  @Override
  public Uni<Void> storing(
      EnvironmentEntity environment, AuditReport report, String previousHistoryState) {
    if (report.outcome() == Outcome.ERROR) {
      return Uni.createFrom().voidItem();
    }
    Severity threshold = threshold(environment);
    List<AlertDestination> destinations = destinations(environment);
    boolean notify = !destinations.isEmpty();
    Instant now = report.finishedAt();
    String state = report.history().state().name();
    String change =
        previousHistoryState == null || previousHistoryState.equals(state)
            ? state
            : previousHistoryState + " → " + state;
    String reportUrl = reportUrl(report.id());
    return openFindings
        .forEnvironment(environment.id)
        .flatMap(
            open -> {
              Map<String, OpenFindingEntity> byFingerprint =
                  open.stream().collect(Collectors.toMap(f -> f.fingerprint, Function.identity()));
              AlertPlan plan = AlertPlan.of(byFingerprint.keySet(), report.findings(), threshold);
              List<OpenFindingEntity> opened = new ArrayList<>();
              for (FindingReport finding : plan.opened()) {
                opened.add(openFinding(environment.id, finding, now, notify));
              }
              List<FindingReport> reminders = new ArrayList<>();
              Map<String, FindingReport> current =
                  report.findings().stream()
                      .collect(
                          Collectors.toMap(
                              f -> AlertPolicy.fingerprint(f.code(), f.key()),
                              Function.identity(),
                              (a, b) -> a));
              for (String fingerprint : plan.stillOpen()) {
                OpenFindingEntity still = byFingerprint.get(fingerprint);
                still.lastSeenAt = now;
                Instant last =
                    still.lastNotifiedAt == null ? still.firstSeenAt : still.lastNotifiedAt;
                if (notify && !still.silencedAt(now) && !last.plus(reminderInterval).isAfter(now)) {
                  reminders.add(current.get(fingerprint));
                  still.lastNotifiedAt = now;
                }
              }
              List<String> resolved = new ArrayList<>();
              List<String> goneFingerprints = new ArrayList<>();
              for (String fingerprint : plan.resolved()) {
                OpenFindingEntity gone = byFingerprint.get(fingerprint);
                resolved.add(
                    gone.code
                        + " "
                        + gone.name
                        + (gone.migration == null ? "" : " `" + gone.migration + "`"));
                goneFingerprints.add(fingerprint);
              }
              List<AlertEvent> events = new ArrayList<>();
              if (!plan.opened().isEmpty()) {
                events.add(
                    new AlertEvent(
                        Kind.OPENED,
                        report.environment(),
                        report.tier(),
                        report.id(),
                        reportUrl,
                        change,
                        plan.opened(),
                        List.of()));
              }
              if (!reminders.isEmpty()) {
                events.add(
                    new AlertEvent(
                        Kind.REMINDER,
                        report.environment(),
                        report.tier(),
                        report.id(),
                        reportUrl,
                        change,
                        List.copyOf(reminders),
                        List.of()));
              }
              if (!resolved.isEmpty()) {
                events.add(
                    new AlertEvent(
                        Kind.RESOLVED,
                        report.environment(),
                        report.tier(),
                        report.id(),
                        reportUrl,
                        change,
                        List.of(),
                        List.copyOf(resolved)));
              }
              List<AlertOutboxEntity> messages = new ArrayList<>();
              for (AlertEvent event : events) {
                for (AlertDestination destination : destinations) {
                  messages.add(message(environment.id, event, destination, now));
                }
              }
              // Three batched writes whatever the number of findings: a Uni chained per finding
              // would nest one
              // stack frame per finding and overflow on large audits.
              return StoreBatches.persistAll(opened)
                  .call(() -> openFindings.deleteAll(environment.id, goneFingerprints))
                  .call(() -> StoreBatches.persistAll(messages));
            });
  }

  /** A test message to every destination of the environment; call inside a transaction. */
  public Uni<Integer> test(EnvironmentEntity environment) {
    AlertEvent event =
        new AlertEvent(
            Kind.TEST, environment.name, environment.tier, null, null, null, List.of(), List.of());
    List<AlertDestination> destinations = destinations(environment);
    List<AlertOutboxEntity> messages =
        destinations.stream()
            .map(destination -> message(environment.id, event, destination, Instant.now()))
            .toList();
    return StoreBatches.persistAll(messages).replaceWith(destinations.size());
  }

  /** The outbox row of one event to one destination, due now. */
  AlertOutboxEntity message(
      UUID environmentId, AlertEvent event, AlertDestination destination, Instant now) {
    AlertOutboxEntity message = new AlertOutboxEntity();
    message.id = UUID.randomUUID();
    message.environmentId = environmentId;
    message.environment = event.environment();
    message.tier = event.tier();
    message.kind = event.kind().name();
    message.channel = destination.channel().name();
    message.destinationSecret = destination.secret();
    message.payload =
        switch (destination.channel()) {
          case SLACK -> slack.render(event);
          case WEBHOOK -> webhook.render(event);
        };
    message.createdAt = now;
    message.nextAttemptAt = now;
    return message;
  }

  private static OpenFindingEntity openFinding(
      UUID environmentId, FindingReport finding, Instant now, boolean notified) {
    OpenFindingEntity entity = new OpenFindingEntity();
    entity.environmentId = environmentId;
    entity.fingerprint = AlertPolicy.fingerprint(finding.code(), finding.key());
    entity.code = finding.code();
    entity.name = finding.name();
    entity.severity = finding.severity().name();
    entity.migration = finding.key();
    entity.firstSeenAt = now;
    entity.lastSeenAt = now;
    entity.lastNotifiedAt = notified ? now : null;
    return entity;
  }
}
