package io.driftwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.audit.report.CheckReport;
import io.driftwatch.audit.report.FindingReport;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.FindingCatalogue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The findings that point into a migration's script, as a SARIF 2.1.0 log for code scanning: one
 * rule per finding code (from the catalogue), one result per finding at its file and line. A
 * finding about no script (a phantom, the database as a whole) has no place in the code and is left
 * to the other formats.
 */
final class SarifLog {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifLog() {}

  static String of(CheckReport check, MigrationFiles files, ObjectMapper json, String version) {
    ReasonIndex index = new ReasonIndex(check);
    Map<String, FindingType> catalogue = new LinkedHashMap<>();
    FindingCatalogue.types().forEach(type -> catalogue.put(type.code(), type));

    ObjectNode log = json.createObjectNode();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "driftwatch");
    driver.put("version", version);
    ArrayNode rules = driver.putArray("rules");
    ArrayNode results = run.putArray("results");
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    if (check.audit().findings() != null) {
      for (FindingReport finding : check.audit().findings()) {
        String migration = index.scriptOf(finding);
        if (migration == null) {
          continue;
        }
        Integer at = ruleIndex.get(finding.code());
        if (at == null) {
          at = ruleIndex.size();
          ruleIndex.put(finding.code(), at);
          rules.add(rule(json, finding, catalogue.get(finding.code())));
        }
        ObjectNode result = results.addObject();
        result.put("ruleId", finding.code());
        result.put("ruleIndex", at);
        result.put("level", level(index.effect(finding), finding.severity()));
        result.putObject("message").put("text", finding.message() + "\nFix: " + finding.help());
        ObjectNode physical =
            result.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", files.script(migration));
        physical.putObject("region").put("startLine", finding.line() == null ? 1 : finding.line());
      }
    }
    return log.toPrettyString();
  }

  private static ObjectNode rule(ObjectMapper json, FindingReport finding, FindingType type) {
    ObjectNode rule = json.createObjectNode();
    rule.put("id", finding.code());
    rule.put("name", finding.name());
    rule.putObject("shortDescription").put("text", type == null ? finding.name() : type.summary());
    rule.putObject("help").put("text", finding.help());
    rule.putObject("defaultConfiguration")
        .put("level", level(null, type == null ? finding.severity() : type.severity()));
    return rule;
  }

  /** The policy's effect where it had one, else the finding's own severity. */
  private static String level(CheckReport.Verdict effect, Severity severity) {
    if (effect == CheckReport.Verdict.FAIL) {
      return "error";
    }
    if (effect == CheckReport.Verdict.WARN) {
      return "warning";
    }
    return switch (severity) {
      case ERROR, CRITICAL -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }
}
