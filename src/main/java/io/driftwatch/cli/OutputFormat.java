package io.driftwatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.audit.report.CheckReport;

/** The forms {@code --format} gives the answer. */
enum OutputFormat {
  /** The readable summary. */
  TEXT,
  /** The check as the service serves it. */
  JSON,
  /** The pull-request comment. */
  MARKDOWN,
  /** GitHub Actions workflow annotations on the migrations' lines. */
  GITHUB,
  /** A SARIF 2.1.0 log for code scanning. */
  SARIF;

  String render(CheckReport check, MigrationFiles files, ObjectMapper json, String version) {
    return switch (this) {
      case TEXT -> TextSummary.of(check);
      case JSON -> {
        try {
          yield json.writerWithDefaultPrettyPrinter().writeValueAsString(check) + "\n";
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("a check that cannot be written as JSON", e);
        }
      }
      case MARKDOWN -> check.markdown();
      case GITHUB -> GithubAnnotations.of(check, files);
      case SARIF -> SarifLog.of(check, files, json, version) + "\n";
    };
  }
}
