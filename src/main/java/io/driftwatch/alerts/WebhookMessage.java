package io.driftwatch.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The generic webhook channel: the event as plain JSON, for any receiver. */
public final class WebhookMessage {

  private final ObjectMapper mapper;

  public WebhookMessage(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public String render(AlertEvent event) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", event.kind().name());
    body.put("environment", event.environment());
    body.put("tier", event.tier());
    body.put("auditId", event.auditId());
    body.put("reportUrl", event.reportUrl());
    body.put("history", event.historyChange());
    body.put("findings", event.findings());
    body.put("resolved", event.resolved());
    try {
      return mapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an alert cannot be serialised", e);
    }
  }
}
