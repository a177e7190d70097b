package io.driftwatch.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.FindingReport;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.Outcome;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.environment.Tier;
import io.driftwatch.secrets.SecretCipher;
import io.driftwatch.store.AlertOutboxEntity;
import io.driftwatch.store.AlertOutboxRepository;
import io.driftwatch.store.EnvironmentEntity;
import io.driftwatch.store.OpenFindingEntity;
import io.driftwatch.store.OpenFindingRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Keeps each environment's open findings and writes the alerts an audit causes into the outbox, in
 * the audit's own transaction: the audit and its alerts are stored together or not at all. An ERROR
 * audit changes nothing (it cannot tell whether findings cleared).
 */
@ApplicationScoped
public class AlertRecorder {

  private final OpenFindingRepository openFindings;
  private final AlertOutboxRepository outbox;
  private final SecretCipher cipher;
  private final SlackMessage slack;
  private final Optional<String> defaultWebhook;
  private final String baseUrl;

  public AlertRecorder(OpenFindingRepository openFindings, AlertOutboxRepository outbox, SecretCipher cipher,
      ObjectMapper mapper, DriftwatchConfig config) {
    this.openFindings = openFindings;
    this.outbox = outbox;
    this.cipher = cipher;
    this.slack = new SlackMessage(mapper);
    this.defaultWebhook = config.alerts().slackWebhookUrl().filter(url -> !url.isBlank());
    this.baseUrl = config.alerts().externalBaseUrl().orElse("http://localhost:8080").replaceAll("/+$", "");
  }

  /** Call inside the transaction that stores the audit. */
  public Uni<Void> record(EnvironmentEntity environment, AuditReport report, String previousHistoryState) {
    if (report.outcome() == Outcome.ERROR) {
      return Uni.createFrom().voidItem();
    }
    Severity threshold = environment.alertsMinSeverity != null
        ? Severity.valueOf(environment.alertsMinSeverity)
        : AlertPolicy.defaultMinSeverity(Tier.parse(environment.tier));
    Optional<String> destination = Optional.ofNullable(environment.alertsWebhookSecret)
        .or(() -> defaultWebhook.map(cipher::encrypt));
    Instant now = report.finishedAt();
    return openFindings.forEnvironment(environment.id).flatMap(open -> {
      Map<String, OpenFindingEntity> byFingerprint =
          open.stream().collect(Collectors.toMap(f -> f.fingerprint, Function.identity()));
      AlertPlan plan = AlertPlan.of(byFingerprint.keySet(), report.findings(), threshold);
      List<Supplier<Uni<?>>> writes = new ArrayList<>();
      for (FindingReport finding : plan.opened()) {
        writes.add(() -> openFindings.persist(openFinding(environment.id, finding, now, destination.isPresent())));
      }
      for (String fingerprint : plan.stillOpen()) {
        byFingerprint.get(fingerprint).lastSeenAt = now;
      }
      List<String> resolvedCodes = new ArrayList<>();
      for (String fingerprint : plan.resolved()) {
        OpenFindingEntity gone = byFingerprint.get(fingerprint);
        resolvedCodes.add(gone.code + " " + gone.name + (gone.migration == null ? "" : " `" + gone.migration + "`"));
        writes.add(() -> openFindings.delete(gone));
      }
      if (destination.isPresent()) {
        String reportUrl = baseUrl + "/api/v1/audits/" + report.id();
        if (!plan.opened().isEmpty()) {
          AlertOutboxEntity opened = message(environment, report, destination.get(), "OPENED",
              slack.opened(report, previousHistoryState, plan.opened(), reportUrl));
          writes.add(() -> outbox.persist(opened));
        }
        if (!resolvedCodes.isEmpty()) {
          AlertOutboxEntity resolved = message(environment, report, destination.get(), "RESOLVED",
              slack.resolved(report.environment(), report.tier(), resolvedCodes, reportUrl));
          writes.add(() -> outbox.persist(resolved));
        }
      }
      // One session does one thing at a time: the writes run one after another.
      Uni<Void> chain = Uni.createFrom().voidItem();
      for (Supplier<Uni<?>> write : writes) {
        chain = chain.call(write);
      }
      return chain;
    });
  }

  private static OpenFindingEntity openFinding(UUID environmentId, FindingReport finding, Instant now, boolean notified) {
    OpenFindingEntity entity = new OpenFindingEntity();
    entity.environmentId = environmentId;
    entity.fingerprint = AlertPolicy.fingerprint(finding.code(), finding.migration());
    entity.code = finding.code();
    entity.name = finding.name();
    entity.severity = finding.severity().name();
    entity.migration = finding.migration();
    entity.firstSeenAt = now;
    entity.lastSeenAt = now;
    entity.lastNotifiedAt = notified ? now : null;
    return entity;
  }

  private static AlertOutboxEntity message(EnvironmentEntity environment, AuditReport report, String destination,
      String kind, String payload) {
    AlertOutboxEntity message = new AlertOutboxEntity();
    message.id = UUID.randomUUID();
    message.environmentId = environment.id;
    message.environment = report.environment();
    message.tier = report.tier();
    message.kind = kind;
    message.destinationSecret = destination;
    message.payload = payload;
    message.createdAt = report.finishedAt();
    message.nextAttemptAt = report.finishedAt();
    return message;
  }
}
