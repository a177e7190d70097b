package io.driftwatch.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.audit.report.FindingReport;
import java.util.List;

/**
 * The generic webhook channel: the event as plain JSON, for any receiver. Bounded to {@link
 * #MAX_BYTES} whatever the audit: each text is cut to {@link #MAX_TEXT} characters, evidence to
 * {@link #MAX_EVIDENCE} commits and branches, and the lists stop where the budget ends, with {@code
 * findingsOmitted} and {@code resolvedOmitted} counting what was left out (the report at {@code
 * reportUrl} has it all).
 */
public final class WebhookMessage {

  static final int MAX_BYTES = 64 * 1024;
  static final int MAX_TEXT = 8000;
  static final int MAX_EVIDENCE = 20;

  private final ObjectMapper mapper;

  public WebhookMessage(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public String render(AlertEvent event) {
    ObjectNode body = mapper.createObjectNode();
    body.put("event", event.kind().name());
    body.put("environment", event.environment());
    body.put("tier", event.tier());
    body.put("auditId", event.auditId() == null ? null : event.auditId().toString());
    body.put("reportUrl", event.reportUrl());
    body.put("history", event.historyChange());
    ArrayNode findings = body.putArray("findings");
    ArrayNode resolved = body.putArray("resolved");
    // Room for the two counts, whatever their digits.
    int size = bytes(body) + 64;
    int shownFindings = 0;
    for (FindingReport finding : event.findings()) {
      JsonNode node = mapper.valueToTree(bounded(finding));
      int length = bytes(node) + 1;
      if (size + length > MAX_BYTES) {
        break;
      }
      findings.add(node);
      size += length;
      shownFindings++;
    }
    int shownResolved = 0;
    for (String item : event.resolved()) {
      String text = SlackText.cut(item, MAX_TEXT);
      int length = bytes(mapper.getNodeFactory().textNode(text)) + 1;
      if (size + length > MAX_BYTES) {
        break;
      }
      resolved.add(text);
      size += length;
      shownResolved++;
    }
    body.put("findingsOmitted", event.findings().size() - shownFindings);
    body.put("resolvedOmitted", event.resolved().size() - shownResolved);
    return body.toString();
  }

  private static FindingReport bounded(FindingReport finding) {
    FindingReport.Evidence evidence = finding.evidence();
    if (evidence != null) {
      evidence =
          new FindingReport.Evidence(
              evidence.kind(),
              first(evidence.commits()),
              first(evidence.branches()),
              text(evidence.relatedMigration()),
              text(evidence.location()));
    }
    return new FindingReport(
        finding.code(),
        finding.name(),
        finding.severity(),
        text(finding.migration()),
        text(finding.message()),
        text(finding.help()),
        evidence,
        text(finding.subject()),
        finding.line());
  }

  private static <T> List<T> first(List<T> items) {
    return items == null || items.size() <= MAX_EVIDENCE
        ? items
        : List.copyOf(items.subList(0, MAX_EVIDENCE));
  }

  private static String text(String text) {
    return text == null ? null : SlackText.cut(text, MAX_TEXT);
  }

  private int bytes(JsonNode node) {
    try {
      return mapper.writeValueAsBytes(node).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an alert cannot be serialised", e);
    }
  }
}
