package io.driftwatch.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.FindingReport;
import java.util.List;

/**
 * Slack Block Kit messages: the environment and tier, the state change, the top new findings with
 * their codes and the exact command to run, the count of the rest, and a link to the report.
 */
public final class SlackMessage {

  static final int SHOWN = 3;

  private final ObjectMapper mapper;

  public SlackMessage(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public String opened(AuditReport report, String previousState, List<FindingReport> opened, String reportUrl) {
    String state = report.history() == null ? "unknown" : report.history().state().name();
    String change = previousState == null || previousState.equals(state) ? state : previousState + " → " + state;
    String title = ":rotating_light: " + report.environment() + " (" + report.tier() + "): " + opened.size()
        + (opened.size() == 1 ? " new finding" : " new findings");
    ObjectNode message = mapper.createObjectNode();
    message.put("text", title + " — history " + change);
    ArrayNode blocks = message.putArray("blocks");
    blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text").put("text", title);
    blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
        .put("text", "*Environment* `" + report.environment() + "` · *tier* " + report.tier() + " · *history* " + change);
    for (FindingReport finding : opened.subList(0, Math.min(SHOWN, opened.size()))) {
      blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
          .put("text", "*" + finding.severity() + " " + finding.code() + " " + finding.name() + "*"
              + (finding.migration() == null ? "" : " · `" + finding.migration() + "`") + "\n" + finding.message()
              + "\n*Fix:* " + finding.help());
    }
    if (opened.size() > SHOWN) {
      blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
          .put("text", "…and " + (opened.size() - SHOWN) + " more in the report.");
    }
    blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
        .put("text", "<" + reportUrl + "|Full report>");
    return message.toString();
  }

  public String resolved(String environment, String tier, List<String> codes, String reportUrl) {
    String title = ":white_check_mark: " + environment + " (" + tier + "): " + codes.size()
        + (codes.size() == 1 ? " finding resolved" : " findings resolved");
    ObjectNode message = mapper.createObjectNode();
    message.put("text", title);
    ArrayNode blocks = message.putArray("blocks");
    blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text").put("text", title);
    blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
        .put("text", "Cleared: " + String.join(", ", codes) + "\n<" + reportUrl + "|Latest report>");
    return message.toString();
  }
}
