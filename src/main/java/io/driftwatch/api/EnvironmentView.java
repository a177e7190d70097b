package io.driftwatch.api;

import io.driftwatch.audit.report.CheckReport;
import io.driftwatch.environment.Environment;
import io.driftwatch.environment.Schedule;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An environment as the API shows it.
 *
 * @param databaseUrl the URL with its password masked
 * @param gate the policy its checks are judged by when a call brings none, in effect
 */
public record EnvironmentView(
    String name,
    String tier,
    String databaseUrl,
    SourceView source,
    Schedule schedule,
    AlertsView alerts,
    List<String> ignore,
    boolean hasShadowDatabaseUrl,
    Instant createdAt,
    Instant updatedAt,
    CheckReport.Policy gate) {

  /**
   * @param hasSlackWebhook whether the environment has its own Slack webhook (else the global one
   *     is used, if any)
   * @param hasWebhook whether the environment has a generic JSON webhook
   * @param minSeverity the least severity that alerts, in effect
   */
  public record AlertsView(boolean hasSlackWebhook, boolean hasWebhook, String minSeverity) {}

  static EnvironmentView of(Environment environment) {
    return new EnvironmentView(
        environment.name(),
        environment.tier().label(),
        environment.databaseUrlMasked(),
        SourceView.of(environment),
        environment.schedule(),
        new AlertsView(
            environment.hasSlackWebhook(),
            environment.hasWebhook(),
            environment.alertsMinSeverity().name().toLowerCase(Locale.ROOT)),
        environment.schemaIgnore(),
        environment.hasShadowDatabaseUrl(),
        environment.createdAt(),
        environment.updatedAt(),
        new CheckReport.Policy(
            environment.gate().failOn().stream().map(Object::toString).toList(),
            environment.gate().warnOn().stream().map(Object::toString).toList()));
  }
}
