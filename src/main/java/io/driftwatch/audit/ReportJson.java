package io.driftwatch.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.AuditSummary;
import io.driftwatch.audit.report.CheckReport;
import jakarta.enterprise.context.ApplicationScoped;

/** Reports are stored as JSON; reading tolerates fields a newer version added. */
@ApplicationScoped
public class ReportJson {

  private final ObjectMapper mapper;
  private final ObjectReader reports;
  private final ObjectReader summaries;
  private final ObjectReader checks;

  public ReportJson(ObjectMapper mapper) {
    this.mapper = mapper;
    this.reports =
        mapper
            .readerFor(AuditReport.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.summaries =
        mapper
            .readerFor(AuditSummary.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.checks =
        mapper
            .readerFor(CheckReport.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  public CheckReport check(String json) {
    try {
      return checks.readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored check report cannot be read", e);
    }
  }

  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  public AuditReport report(String json) {
    try {
      return reports.readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored audit report cannot be read", e);
    }
  }

  public AuditSummary summary(String json) {
    try {
      return summaries.readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored audit summary cannot be read", e);
    }
  }
}
