package io.driftwatch.api;

import io.driftwatch.environment.EnvironmentName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An environment to watch.
 *
 * @param databaseUrl the DATABASE_URL Prisma uses; optional on update (the stored one is kept)
 * @param schedule when it is audited on its own; default every 15 minutes; omitted on update keeps
 *     the stored one
 * @param gate the policy of its checks; omitted on update keeps the stored one
 */
public record EnvironmentRequest(
    @NotBlank
        @Pattern(regexp = EnvironmentName.PATTERN, message = EnvironmentName.RULE)
        @Schema(
            examples = "production",
            description = "Unique slug: lower-case letters, digits and dashes")
        String name,
    @NotBlank
        @Pattern(
            regexp = "production|staging|development|other",
            message = "must be one of production, staging, development, other")
        @Schema(enumeration = {"production", "staging", "development", "other"})
        String tier,
    @Size(max = 4096)
        @Schema(
            examples = {
              "postgresql://user:password@host:5432/app?schema=public",
              "mysql://user:password@host:3306/app?sslaccept=strict"
            },
            description =
                "Prisma's DATABASE_URL: postgresql:// (PostgreSQL) or mysql:// (MySQL and MariaDB),"
                    + " with the arguments Prisma's connector takes. Write-only: stored encrypted,"
                    + " returned masked.")
        String databaseUrl,
    @NotNull @Valid SourceRequest source,
    @Valid ScheduleRequest schedule,
    @Valid AlertsRequest alerts,
    @Size(max = 4096)
        @Schema(
            description =
                "Where this environment's migrations are replayed (Prisma's shadowDatabaseUrl: a role that "
                    + "may create databases; never the watched database; of the watched database's kind: "
                    + "postgresql:// or mysql://). Write-only, stored encrypted; omit to keep, \"\" to "
                    + "use the global shadow server.")
        String shadowDatabaseUrl,
    @Size(max = 100)
        @Schema(
            description =
                "Globs (schema.name or name, * and ?) of database objects drift and coverage leave out; "
                    + "omit to keep the stored ones",
            examples = "[\"public.audit_*\"]")
        List<
                @NotBlank @Size(max = 200)
                @Pattern(
                    regexp = "[^\\x00\\n]*",
                    message = "must not contain NUL or newline characters")
                String>
            ignore,
    @Valid
        @Schema(
            description =
                "The gate policy of this environment's checks when a call brings none: each list given replaces "
                    + "the default's, a list omitted keeps the default's; omit gate to keep the stored one, {} "
                    + "for the default")
        CheckRequest.GateRequest gate) {

  /**
   * @param slackWebhookUrl the environment's Slack incoming webhook; write-only, stored encrypted;
   *     omit to keep
   * @param webhookUrl a generic webhook receiving each alert as JSON; write-only, stored encrypted;
   *     omit to keep
   * @param minSeverity the least severity that alerts (default: warning in production, error in
   *     staging and other, critical in development)
   */
  public record AlertsRequest(
      @Size(max = 2048) @Schema(examples = "https://hooks.slack.com/services/T000/B000/XXXX")
          String slackWebhookUrl,
      @Size(max = 2048) String webhookUrl,
      @Pattern(
              regexp = "(?i)info|warning|error|critical",
              message = "must be one of info, warning, error, critical")
          @Schema(enumeration = {"info", "warning", "error", "critical"})
          String minSeverity) {}

  /**
   * @param cron Quartz cron expression, seconds first
   * @param paused true stops the scheduled audits (manual ones still run)
   */
  public record ScheduleRequest(
      @NotBlank @Size(max = 120) @Schema(examples = "0 */15 * * * ?") String cron,
      Boolean paused) {}
}
