package io.driftwatch.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.audit.report.FindingReport;

/**
 * Slack Block Kit messages: the environment and tier, the state change, the top findings with their
 * codes and the exact command to run, the count of the rest, and a link to the report.
 */
public final class SlackMessage {

  static final int SHOWN = 3;

  private final ObjectMapper mapper;

  public SlackMessage(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public String render(AlertEvent event) {
    String subject = event.environment() + " (" + event.tier() + ")";
    String title = switch (event.kind()) {
      case OPENED -> ":rotating_light: " + subject + ": " + count(event.findings().size(), "new finding");
      case REMINDER -> ":alarm_clock: " + subject + ": " + count(event.findings().size(), "finding") + " still open";
      case RESOLVED -> ":white_check_mark: " + subject + ": " + count(event.resolved().size(), "finding") + " resolved";
      case TEST -> ":wave: " + subject + ": driftwatch can reach this channel";
    };
    ObjectNode message = mapper.createObjectNode();
    message.put("text", title + (event.historyChange() == null ? "" : " — history " + event.historyChange()));
    ArrayNode blocks = message.putArray("blocks");
    blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text").put("text", title);
    if (event.historyChange() != null) {
      section(blocks, "*Environment* `" + event.environment() + "` · *tier* " + event.tier() + " · *history* "
          + event.historyChange());
    }
    for (FindingReport finding : event.findings().subList(0, Math.min(SHOWN, event.findings().size()))) {
      section(blocks, "*" + finding.severity() + " " + finding.code() + " " + finding.name() + "*"
          + (finding.migration() == null ? "" : " · `" + finding.migration() + "`") + "\n" + finding.message()
          + "\n*Fix:* " + finding.help());
    }
    if (event.findings().size() > SHOWN) {
      context(blocks, "…and " + (event.findings().size() - SHOWN) + " more in the report.");
    }
    if (!event.resolved().isEmpty()) {
      section(blocks, "Cleared: " + String.join(", ", event.resolved()));
    }
    if (event.reportUrl() != null) {
      context(blocks, "<" + event.reportUrl() + "|Full report>");
    }
    return message.toString();
  }

  private static void section(ArrayNode blocks, String markdown) {
    blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", markdown);
  }

  private static void context(ArrayNode blocks, String markdown) {
    blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn").put("text", markdown);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
