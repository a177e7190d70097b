package io.driftwatch.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.driftwatch.alerts.AlertEvent.Kind;
import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.FindingReport;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.FindingCatalogue;
import io.driftwatch.environment.AlertSettings;
import io.driftwatch.secrets.SecretCipher;
import io.driftwatch.store.AlertOutboxEntity;
import io.driftwatch.store.AuditEntity;
import io.driftwatch.store.AuditRepository;
import io.driftwatch.store.EnvironmentEntity;
import io.driftwatch.store.OpenFindingEntity;
import io.driftwatch.store.OpenFindingRepository;
import io.driftwatch.store.StoreBatches;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Tells a destination new to an environment what is already open there, once: without it, a channel
 * configured while a CRITICAL is open would hear of it only at the next reminder, a day later. The
 * message holds the open findings at or above the environment's threshold that nobody acknowledged,
 * with the fix from the latest audit that reported them, and is written in the transaction of the
 * change that made the destination new.
 */
@ApplicationScoped
public class NewDestinationAnnouncer {

  private static final Logger LOG = Logger.getLogger(NewDestinationAnnouncer.class);

  private final OpenFindingRepository openFindings;
  private final AuditRepository audits;
  private final AlertRecorder recorder;
  private final SecretCipher cipher;
  private final Optional<String> defaultSlack;
  private final ObjectReader reports;
  private final Map<String, FindingType> catalogue;

  public NewDestinationAnnouncer(
      OpenFindingRepository openFindings,
      AuditRepository audits,
      AlertRecorder recorder,
      SecretCipher cipher,
      ObjectMapper mapper,
      DriftwatchConfig config) {
    this.openFindings = openFindings;
    this.audits = audits;
    this.recorder = recorder;
    this.cipher = cipher;
    this.defaultSlack =
        config.alerts().slackWebhookUrl().map(String::strip).filter(url -> !url.isEmpty());
    this.reports =
        mapper
            .readerFor(AuditReport.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.catalogue =
        FindingCatalogue.types().stream()
            .collect(Collectors.toMap(FindingType::code, Function.identity()));
  }

  /**
   * The channels whose destination these settings change: a webhook URL set where there was none
   * (for Slack: neither the environment's own nor the global one) or another URL. Call before the
   * settings are applied; the same URL again is no change.
   */
  public Set<AlertChannel> changedBy(EnvironmentEntity stored, AlertSettings next) {
    Set<AlertChannel> changed = EnumSet.noneOf(AlertChannel.class);
    if (next == null) {
      return changed;
    }
    if (next.slackWebhookUrl() != null) {
      String before =
          stored.alertsWebhookSecret != null
              ? open(stored.alertsWebhookSecret)
              : defaultSlack.orElse(null);
      if (!next.slackWebhookUrl().strip().equals(before)) {
        changed.add(AlertChannel.SLACK);
      }
    }
    if (next.webhookUrl() != null
        && !next.webhookUrl().strip().equals(open(stored.alertsGenericWebhookSecret))) {
      changed.add(AlertChannel.WEBHOOK);
    }
    return changed;
  }

  /** A stored URL that cannot be opened any more is as good as none: its replacement is new. */
  String open(String secret) {
    if (secret == null) {
      return null;
    }
    try {
      return cipher.decrypt(secret);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Announces the open findings to the environment's current destination of each channel; call
   * inside its transaction.
   */
  public Uni<Integer> announce(EnvironmentEntity environment, Set<AlertChannel> channels) {
    List<AlertDestination> destinations = new ArrayList<>();
    if (channels.contains(AlertChannel.SLACK) && environment.alertsWebhookSecret != null) {
      destinations.add(new AlertDestination(AlertChannel.SLACK, environment.alertsWebhookSecret));
    }
    if (channels.contains(AlertChannel.WEBHOOK) && environment.alertsGenericWebhookSecret != null) {
      destinations.add(
          new AlertDestination(AlertChannel.WEBHOOK, environment.alertsGenericWebhookSecret));
    }
    return announce(environment, destinations, false);
  }

  /**
   * Announces the environment's open findings to these destinations; call inside a transaction.
   *
   * @param neverNotifiedOnly only the findings no destination was ever told of
   * @return how many messages were queued
   */
  Uni<Integer> announce(
      EnvironmentEntity environment,
      List<AlertDestination> destinations,
      boolean neverNotifiedOnly) {
    if (destinations.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    Instant now = Instant.now();
    Severity threshold = AlertRecorder.threshold(environment);
    return openFindings
        .forEnvironment(environment.id)
        .flatMap(
            open -> {
              List<OpenFindingEntity> due =
                  open.stream()
                      .filter(finding -> Severity.valueOf(finding.severity).atLeast(threshold))
                      .filter(finding -> !finding.silencedAt(now))
                      .filter(finding -> !neverNotifiedOnly || finding.lastNotifiedAt == null)
                      .sorted(
                          Comparator.comparing((OpenFindingEntity f) -> f.firstSeenAt)
                              .thenComparing(f -> f.fingerprint))
                      .toList();
              if (due.isEmpty()) {
                return Uni.createFrom().item(0);
              }
              return audits
                  .latest(environment.id)
                  .flatMap(
                      latest -> {
                        AlertEvent event = event(environment, latest, due);
                        // The new destination has just heard of them: no reminder to it tomorrow
                        // morning for the same findings.
                        due.forEach(finding -> finding.lastNotifiedAt = now);
                        List<AlertOutboxEntity> messages =
                            destinations.stream()
                                .map(
                                    destination ->
                                        recorder.message(environment.id, event, destination, now))
                                .toList();
                        return StoreBatches.persistAll(messages).replaceWith(messages.size());
                      });
            });
  }

  private AlertEvent event(
      EnvironmentEntity environment, AuditEntity latest, List<OpenFindingEntity> due) {
    AuditReport report = read(latest);
    Map<String, FindingReport> reported = new HashMap<>();
    if (report != null) {
      for (FindingReport finding : report.findings()) {
        reported.putIfAbsent(AlertPolicy.fingerprint(finding.code(), finding.key()), finding);
      }
    }
    List<FindingReport> findings =
        due.stream()
            .map(
                open ->
                    Objects.requireNonNullElseGet(
                        reported.get(open.fingerprint), () -> unreported(environment, open)))
            .toList();
    return new AlertEvent(
        Kind.ALREADY_OPEN,
        environment.name,
        environment.tier,
        latest == null ? null : latest.id,
        latest == null ? null : recorder.reportUrl(latest.id),
        latest == null ? null : latest.historyState,
        findings,
        List.of());
  }

  private AuditReport read(AuditEntity latest) {
    if (latest == null || latest.report == null) {
      return null;
    }
    try {
      return reports.readValue(latest.report);
    } catch (JsonProcessingException e) {
      LOG.warnf(
          "the latest audit %s cannot be read; the open findings are announced without their fixes",
          latest.id);
      return null;
    }
  }

  /**
   * An open finding the latest audit did not report (it ended in ERROR): what the catalogue says of
   * it.
   */
  private FindingReport unreported(EnvironmentEntity environment, OpenFindingEntity open) {
    FindingType type = catalogue.get(open.code);
    String summary = type == null ? open.name : type.summary();
    return new FindingReport(
        open.code,
        open.name,
        Severity.valueOf(open.severity),
        open.migration,
        summary + " Open since " + open.firstSeenAt + "; the latest audit could not check it.",
        "Audit again: POST /api/v1/environments/" + environment.name + "/audits",
        null,
        null,
        null);
  }
}
