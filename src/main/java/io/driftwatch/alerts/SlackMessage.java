package io.driftwatch.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.audit.report.FindingReport;
import io.driftwatch.core.finding.Severity;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slack Block Kit messages: the environment and tier, the state change, the top findings with their
 * codes and the exact command to run, the count of the rest, and a link to the report.
 *
 * <p>Every message keeps within Block Kit's limits whatever the audit (Slack answers {@code 400
 * invalid_blocks} otherwise, and the alert would be lost): at most {@link #MAX_BLOCKS} blocks, a
 * header of at most {@link #MAX_HEADER} characters, section texts of at most {@link #MAX_SECTION},
 * and the whole message under {@link #MAX_PAYLOAD} characters, far below Slack's 40,000. A long
 * finding message is cut with a pointer to the report, a long list with "… and N more". The
 * top-level {@code text} alone says what happened (environment, change, counts, link): it is what
 * Slack shows in notifications, and the plain-text {@link #fallback} sent when Slack refuses the
 * blocks anyway.
 */
public final class SlackMessage {

  static final int SHOWN = 3;
  static final int MAX_BLOCKS = 50;
  static final int MAX_HEADER = 150;
  static final int MAX_SECTION = 3000;

  /**
   * One finding's section: three of them, the cleared list and the rest stay far below the payload
   * bound.
   */
  static final int MAX_FINDING = 1800;

  static final int MAX_CLEARED = 2500;

  /** The notification text, which is also the fallback. */
  static final int MAX_SUMMARY = 1000;

  static final int MAX_PAYLOAD = 20_000;

  private final ObjectMapper mapper;

  public SlackMessage(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public String render(AlertEvent event) {
    String title = title(event);
    String summary = summary(event, title);
    ObjectNode message = mapper.createObjectNode();
    message.put("text", summary);
    ArrayNode blocks = message.putArray("blocks");
    blocks
        .addObject()
        .put("type", "header")
        .putObject("text")
        .put("type", "plain_text")
        .put("text", SlackText.cut(SlackText.plain(title), MAX_HEADER));
    if (event.historyChange() != null) {
      section(
          blocks,
          SlackText.cut(
              "*Environment* `"
                  + SlackText.escape(event.environment())
                  + "` · *tier* "
                  + SlackText.escape(event.tier())
                  + " · *history* "
                  + SlackText.escape(event.historyChange()),
              MAX_SECTION));
    }
    List<FindingReport> findings = mostSevereFirst(event.findings());
    for (FindingReport finding : findings.subList(0, Math.min(SHOWN, findings.size()))) {
      section(blocks, finding(finding, event.reportUrl()));
    }
    if (findings.size() > SHOWN) {
      context(
          blocks,
          "… and "
              + (findings.size() - SHOWN)
              + " more in "
              + reportLink(event.reportUrl(), "the report")
              + ".");
    }
    if (!event.resolved().isEmpty()) {
      section(blocks, cleared(event.resolved(), event.reportUrl()));
    }
    if (event.reportUrl() != null) {
      context(blocks, reportLink(event.reportUrl(), "Full report"));
    }
    String json = message.toString();
    if (blocks.size() > MAX_BLOCKS || json.length() > MAX_PAYLOAD) {
      // Not reached by construction (a handful of bounded blocks); kept so the bound holds whatever
      // changes above.
      return plain(summary);
    }
    return json;
  }

  /**
   * The plain-text message to send instead of one Slack refused: its notification text alone. Empty
   * when the payload is already plain text (the fallback is sent once).
   */
  public Optional<String> fallback(String payload) {
    try {
      JsonNode message = mapper.readTree(payload);
      if (message == null || !message.has("blocks") || !message.path("text").isTextual()) {
        return Optional.empty();
      }
      return Optional.of(plain(SlackText.cut(message.get("text").asText(), MAX_SUMMARY)));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private String plain(String text) {
    return mapper.createObjectNode().put("text", text).toString();
  }

  private static String title(AlertEvent event) {
    String subject = event.environment() + " (" + event.tier() + ")";
    return switch (event.kind()) {
      case OPENED ->
          ":rotating_light: " + subject + ": " + count(event.findings().size(), "new finding");
      case ALREADY_OPEN ->
          ":rotating_light: "
              + subject
              + ": "
              + count(event.findings().size(), "finding")
              + " already open";
      case REMINDER ->
          ":alarm_clock: "
              + subject
              + ": "
              + count(event.findings().size(), "finding")
              + " still open";
      case RESOLVED ->
          ":white_check_mark: "
              + subject
              + ": "
              + count(event.resolved().size(), "finding")
              + " resolved";
      case TEST -> ":wave: " + subject + ": driftwatch can reach this channel";
    };
  }

  /** Environment, what changed, counts and the link, in a few hundred characters. */
  private static String summary(AlertEvent event, String title) {
    StringBuilder text = new StringBuilder(SlackText.escape(title));
    if (!event.findings().isEmpty()) {
      text.append(" (").append(severities(event.findings())).append(')');
    }
    if (event.historyChange() != null) {
      text.append(" — history ").append(SlackText.escape(event.historyChange()));
    }
    if (event.kind() == AlertEvent.Kind.ALREADY_OPEN) {
      text.append(" — this channel is new to driftwatch");
    }
    text.append('.');
    String link =
        event.reportUrl() == null ? "" : " " + reportLink(event.reportUrl(), "Full report");
    return SlackText.cut(text.toString(), MAX_SUMMARY - link.length()) + link;
  }

  private static String severities(List<FindingReport> findings) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    findings.forEach(finding -> counts.merge(finding.severity(), 1, Integer::sum));
    StringBuilder text = new StringBuilder();
    for (Severity severity :
        List.of(Severity.CRITICAL, Severity.ERROR, Severity.WARNING, Severity.INFO)) {
      if (counts.containsKey(severity)) {
        text.append(text.isEmpty() ? "" : ", ")
            .append(counts.get(severity))
            .append(' ')
            .append(severity.name().toLowerCase(Locale.ROOT));
      }
    }
    return text.toString();
  }

  private static List<FindingReport> mostSevereFirst(List<FindingReport> findings) {
    return findings.stream()
        .sorted(Comparator.comparing(FindingReport::severity).reversed())
        .toList();
  }

  /**
   * The heading line and the fix keep their room; the message gets the rest, cut with a pointer to
   * the report.
   */
  private static String finding(FindingReport finding, String reportUrl) {
    String heading =
        SlackText.cut(
            "*"
                + finding.severity()
                + " "
                + finding.code()
                + " "
                + finding.name()
                + "*"
                + (finding.migration() == null
                    ? ""
                    : " · `" + SlackText.escape(finding.migration()) + "`"),
            300);
    String fix = "\n*Fix:* " + SlackText.cut(SlackText.escape(finding.help()), 600);
    String message =
        SlackText.cutWithPointer(
            SlackText.escape(finding.message()),
            MAX_FINDING - heading.length() - fix.length() - 1,
            reportUrl == null ? null : reportLink(reportUrl, "full text in the report"));
    return heading + "\n" + message + fix;
  }

  /** As many cleared findings as fit, one a line, then how many more. */
  private static String cleared(List<String> resolved, String reportUrl) {
    StringBuilder text = new StringBuilder("*Cleared:*");
    int shown = 0;
    for (String item : resolved) {
      String line = "\n• " + SlackText.cut(SlackText.escape(item), 300);
      int rest = resolved.size() - shown - 1;
      String more =
          rest == 0 ? "" : "\n… and " + rest + " more in " + reportLink(reportUrl, "the report");
      if (text.length() + line.length() + more.length() > MAX_CLEARED) {
        break;
      }
      text.append(line);
      shown++;
    }
    if (shown < resolved.size()) {
      text.append("\n… and ")
          .append(resolved.size() - shown)
          .append(" more in ")
          .append(reportLink(reportUrl, "the report"));
    }
    return text.toString();
  }

  private static String reportLink(String reportUrl, String label) {
    return reportUrl == null ? label : "<" + reportUrl + "|" + label + ">";
  }

  private static void section(ArrayNode blocks, String markdown) {
    blocks
        .addObject()
        .put("type", "section")
        .putObject("text")
        .put("type", "mrkdwn")
        .put("text", markdown);
  }

  private static void context(ArrayNode blocks, String markdown) {
    blocks
        .addObject()
        .put("type", "context")
        .putArray("elements")
        .addObject()
        .put("type", "mrkdwn")
        .put("text", markdown);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
