package io.driftwatch.environment;

import io.driftwatch.source.git.GitSourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Says what a change did to an environment, for the change log: settings before and after, and
 * which secrets were replaced, never their values (the database URL and a git URL appear masked).
 */
final class EnvironmentChanges {

  private EnvironmentChanges() {}

  static String created(Environment e) {
    List<String> parts = new ArrayList<>();
    parts.add("tier " + e.tier().label());
    parts.add("database " + e.databaseUrlMasked());
    parts.add("source " + e.source());
    if (e.hasSourceCredentials()) {
      parts.add("git credentials set");
    }
    parts.add("schedule " + e.schedule().cron() + (e.schedule().paused() ? " (paused)" : ""));
    parts.addAll(channels(e));
    return String.join("; ", parts);
  }

  static String updated(Environment before, Environment after, EnvironmentDraft draft) {
    List<String> parts = new ArrayList<>();
    changed(parts, "name", before.name(), after.name());
    changed(parts, "tier", before.tier().label(), after.tier().label());
    if (draft.databaseUrl() != null) {
      parts.add("database URL replaced: " + after.databaseUrlMasked());
    }
    changed(parts, "source", String.valueOf(before.source()), String.valueOf(after.source()));
    if (draft.credentials() != null) {
      parts.add("git credentials replaced");
    } else if (before.hasSourceCredentials() && !after.hasSourceCredentials()) {
      parts.add(
          after.source() instanceof GitSourceSpec
              ? "git credentials dropped: source.url now names another scheme, host or port"
              : "git credentials removed");
    }
    changed(parts, "schedule", before.schedule().toString(), after.schedule().toString());
    if (draft.alerts() != null && draft.alerts().slackWebhookUrl() != null) {
      parts.add("Slack webhook replaced");
    }
    if (draft.alerts() != null && draft.alerts().webhookUrl() != null) {
      parts.add("webhook replaced");
    }
    if (draft.shadowDatabaseUrl() != null) {
      parts.add(
          draft.shadowDatabaseUrl().isBlank()
              ? "shadow database URL removed"
              : "shadow database URL replaced");
    }
    changed(
        parts,
        "ignore",
        String.valueOf(before.schemaIgnore()),
        String.valueOf(after.schemaIgnore()));
    changed(parts, "gate", gate(before), gate(after));
    changed(
        parts,
        "alerts.minSeverity",
        String.valueOf(before.alertsMinSeverity()),
        String.valueOf(after.alertsMinSeverity()));
    return parts.isEmpty() ? "no change" : String.join("; ", parts);
  }

  private static String gate(Environment e) {
    return "fail on " + e.gate().failOn() + ", warn on " + e.gate().warnOn();
  }

  static String deleted(Environment e) {
    return "was tier " + e.tier().label() + ", database " + e.databaseUrlMasked();
  }

  private static List<String> channels(Environment e) {
    List<String> parts = new ArrayList<>();
    if (e.hasSlackWebhook()) {
      parts.add("Slack webhook set");
    }
    if (e.hasWebhook()) {
      parts.add("webhook set");
    }
    return parts;
  }

  private static void changed(List<String> parts, String field, String before, String after) {
    if (!Objects.equals(before, after)) {
      parts.add(field + ": " + before + " -> " + after);
    }
  }
}
