package io.driftwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.alerts.AlertEvent.Kind;
import io.driftwatch.audit.report.FindingReport;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.testing.FakeSlack;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Messages stay within Slack's Block Kit limits and the generic webhook's bound, whatever the
 * audit.
 */
class SlackMessageTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SlackMessage SLACK = new SlackMessage(MAPPER);
  private static final WebhookMessage WEBHOOK = new WebhookMessage(MAPPER);
  private static final String ENVIRONMENT =
      "staging-copy-of-the-production-database-for-the-reporting-team";
  private static final String REPORT = "https://driftwatch.example.com/audits/" + UUID.randomUUID();

  private static AlertEvent event(Kind kind, List<FindingReport> findings, List<String> resolved) {
    return new AlertEvent(
        kind,
        ENVIRONMENT,
        "staging",
        UUID.randomUUID(),
        REPORT,
        "IN_SYNC → DIVERGED",
        findings,
        resolved);
  }

  private static FindingReport finding(
      String code, Severity severity, String migration, String message) {
    return new FindingReport(
        code,
        "HISTORIES_DIVERGED",
        severity,
        migration,
        message,
        "Restore the database-only migrations into prisma/migrations first, then run `npx prisma migrate deploy`.",
        null,
        null,
        null);
  }

  /** HI003 as seen: 103 pending migrations named in one message of 5,014 characters. */
  private static FindingReport hi003() {
    String pending =
        String.join(
            ", ",
            IntStream.rangeClosed(1, 103)
                .mapToObj(i -> "202402%08d_add_reporting_columns_to_customer".formatted(i))
                .toList());
    return finding(
        "HI003",
        Severity.ERROR,
        "20240101000000_init",
        "The histories split after `20240101000000_init`: only the database has 20240102000000_hotfix; only the folder has "
            + pending
            + ".");
  }

  private static JsonNode json(String body) throws Exception {
    return MAPPER.readTree(body);
  }

  private static void assertSlackTakes(String body) {
    assertThat(FakeSlack.refusal(body)).as("what Slack would answer").isNull();
    assertThat(body.length()).isLessThanOrEqualTo(SlackMessage.MAX_PAYLOAD);
  }

  @Test
  void a_finding_message_longer_than_a_section_is_cut_with_a_pointer_to_the_report()
      throws Exception {
    FindingReport hi003 = hi003();
    assertThat(hi003.message().length()).isGreaterThan(5000);

    String body = SLACK.render(event(Kind.OPENED, List.of(hi003), List.of()));

    assertSlackTakes(body);
    String section = json(body).get("blocks").get(2).get("text").get("text").asText();
    assertThat(section)
        .startsWith("*ERROR HI003 HISTORIES_DIVERGED*")
        .contains("only the folder has 20240200000001_")
        .contains("… (cut: <" + REPORT + "|full text in the report>)")
        .contains("*Fix:* Restore");
    assertThat(section.length()).isLessThanOrEqualTo(SlackMessage.MAX_FINDING);
  }

  @Test
  void two_hundred_cleared_findings_are_listed_as_far_as_they_fit_and_the_rest_counted()
      throws Exception {
    List<String> resolved =
        IntStream.rangeClosed(1, 200)
            .mapToObj(
                i -> "SD001 UNTRACKED_TABLE `public.legacy_reporting_snapshot_%03d`".formatted(i))
            .toList();
    assertThat(String.join(", ", resolved).length()).isGreaterThan(10_000);

    String body = SLACK.render(event(Kind.RESOLVED, List.of(), resolved));

    assertSlackTakes(body);
    String cleared = json(body).get("blocks").get(2).get("text").get("text").asText();
    long listed = cleared.lines().filter(line -> line.startsWith("• ")).count();
    Matcher more =
        Pattern.compile("… and (\\d+) more in <" + Pattern.quote(REPORT) + "\\|the report>")
            .matcher(cleared);
    assertThat(more.find()).as(cleared).isTrue();
    assertThat(listed + Long.parseLong(more.group(1))).isEqualTo(200);
    assertThat(listed).isGreaterThan(10);
    assertThat(cleared).contains("legacy_reporting_snapshot_001");
  }

  @Test
  void thousands_of_huge_findings_still_make_one_message_within_the_limits() throws Exception {
    List<FindingReport> findings = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      findings.add(
          finding(
              "MS00" + (i % 9 + 1),
              i == 4321 ? Severity.CRITICAL : Severity.WARNING,
              "2024%010d_x".formatted(i),
              "y".repeat(10_000)));
    }

    String body = SLACK.render(event(Kind.OPENED, findings, List.of()));

    assertSlackTakes(body);
    JsonNode message = json(body);
    assertThat(message.get("blocks").size()).isLessThanOrEqualTo(SlackMessage.MAX_BLOCKS);
    assertThat(message.get("blocks").get(0).get("text").get("text").asText().length())
        .isLessThanOrEqualTo(150);
    assertThat(message.get("blocks").get(2).get("text").get("text").asText())
        .as("the most severe first")
        .startsWith("*CRITICAL MS")
        .contains("2024%010d_x".formatted(4321));
    assertThat(body).contains("… and 4997 more in <" + REPORT + "|the report>.");
    assertThat(message.get("text").asText())
        .contains("5000 new findings (1 critical, 4999 warning)");
  }

  @Test
  void what_slack_would_read_as_markup_is_escaped_and_never_cut_in_half() throws Exception {
    String migration = "20240101000000_<!channel>&<https://evil.example.com|click>";
    String message = "a < b && c > d ".repeat(400) + "\u0000\u0007 end";
    String body =
        SLACK.render(
            event(
                Kind.OPENED,
                List.of(finding("HI002", Severity.ERROR, migration, message)),
                List.of()));

    assertSlackTakes(body);
    String section = json(body).get("blocks").get(2).get("text").get("text").asText();
    assertThat(section)
        .doesNotContain("<!channel>", "<https://evil")
        .contains("&lt;!channel&gt;&amp;&lt;https://evil");
    assertThat(section.replaceAll("&(amp|lt|gt);", ""))
        .doesNotContain("&")
        .doesNotContain("\u0000");
  }

  @Test
  void the_fallback_is_short_plain_text_with_environment_change_counts_and_link_and_is_sent_once()
      throws Exception {
    String body =
        SLACK.render(
            event(
                Kind.OPENED,
                List.of(hi003(), finding("HI004", Severity.CRITICAL, "x", "failed")),
                List.of()));

    String fallback = SLACK.fallback(body).orElseThrow();

    assertSlackTakes(fallback);
    JsonNode plain = json(fallback);
    assertThat(plain.has("blocks")).isFalse();
    assertThat(plain.get("text").asText())
        .contains(ENVIRONMENT)
        .contains("(staging)")
        .contains("2 new findings")
        .contains("1 critical, 1 error")
        .contains("IN_SYNC → DIVERGED")
        .contains("<" + REPORT + "|Full report>");
    assertThat(plain.get("text").asText().length()).isLessThanOrEqualTo(SlackMessage.MAX_SUMMARY);
    assertThat(SLACK.fallback(fallback)).as("a fallback has no fallback").isEmpty();
  }

  @Test
  void every_kind_renders_within_the_limits() {
    for (Kind kind : Kind.values()) {
      assertSlackTakes(
          SLACK.render(event(kind, List.of(hi003()), List.of("HI002 PHANTOM_MIGRATION `x`"))));
    }
    assertThat(SLACK.render(event(Kind.ALREADY_OPEN, List.of(hi003()), List.of())))
        .contains("1 finding already open")
        .contains("this channel is new to driftwatch");
  }

  @Test
  void the_generic_webhook_is_bounded_and_counts_what_it_left_out() throws Exception {
    List<FindingReport> findings =
        IntStream.range(0, 5000)
            .mapToObj(i -> finding("HI001", Severity.WARNING, "m" + i, "z".repeat(20_000)))
            .toList();
    List<String> resolved =
        IntStream.range(0, 20_000).mapToObj(i -> "SD001 UNTRACKED_TABLE `t" + i + "`").toList();

    for (AlertEvent event :
        List.of(
            event(Kind.OPENED, findings, List.of()), event(Kind.RESOLVED, List.of(), resolved))) {
      String body = WEBHOOK.render(event);
      assertThat(body.getBytes(StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(WebhookMessage.MAX_BYTES);
      JsonNode json = json(body);
      assertThat(json.get("findings").size() + json.get("findingsOmitted").asInt())
          .isEqualTo(event.findings().size());
      assertThat(json.get("resolved").size() + json.get("resolvedOmitted").asInt())
          .isEqualTo(event.resolved().size());
      assertThat(json.get("reportUrl").asText()).isEqualTo(REPORT);
    }
    JsonNode opened = json(WEBHOOK.render(event(Kind.OPENED, findings, List.of())));
    assertThat(opened.get("findings").size()).isPositive();
    assertThat(opened.get("findings").get(0).get("message").asText().length())
        .isLessThanOrEqualTo(WebhookMessage.MAX_TEXT);
    JsonNode small = json(WEBHOOK.render(event(Kind.OPENED, List.of(hi003()), List.of())));
    assertThat(small.get("findingsOmitted").asInt()).isZero();
    assertThat(small.get("findings").get(0).get("message").asText()).isEqualTo(hi003().message());
  }
}
