package io.driftwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The alerting rules in deploy/prometheus say what to do: every rule has a severity, a summary, a
 * description and a runbook_url that lands on a README section; and their promtool tests show each
 * rule firing and not firing. (CI runs the promtool tests themselves: .ci/run.)
 */
class PrometheusRulesTest {

  static final String RUNBOOKS = "https://github.com/driftwatch/driftwatch/blob/main/README.md#";
  private static final Path RULES = Path.of("deploy/prometheus/driftwatch-rules.yml");
  private static final Path RULE_TESTS = Path.of("deploy/prometheus/driftwatch-rules.test.yml");
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void every_rule_has_a_severity_a_summary_a_description_and_a_runbook_in_the_readme()
      throws IOException {
    Set<String> anchors = readmeAnchors(Files.readString(Path.of("README.md")));
    List<JsonNode> rules = rules();
    assertThat(rules).as("alerting rules in %s", RULES).hasSizeGreaterThanOrEqualTo(10);
    for (JsonNode rule : rules) {
      String name = rule.path("alert").asText();
      assertThat(rule.path("labels").path("severity").asText())
          .as("%s: labels.severity", name)
          .isIn("critical", "warning");
      for (String annotation : List.of("summary", "description", "runbook_url")) {
        assertThat(rule.path("annotations").path(annotation).asText())
            .as("%s: annotations.%s", name, annotation)
            .isNotBlank();
      }
      String runbook = rule.path("annotations").path("runbook_url").asText();
      assertThat(runbook)
          .as("%s: every runbook_url is a section of the README", name)
          .startsWith(RUNBOOKS);
      assertThat(anchors)
          .as("%s: README.md has a heading whose anchor is %s", name, runbook)
          .contains(runbook.substring(RUNBOOKS.length()));
    }
  }

  @Test
  void every_rule_is_tested_firing_and_not_firing() throws IOException {
    Map<String, Boolean> fires = new HashMap<>();
    Map<String, Boolean> staysQuiet = new HashMap<>();
    for (JsonNode test : YAML.readTree(RULE_TESTS.toFile()).path("tests")) {
      for (JsonNode check : test.path("alert_rule_test")) {
        String alert = check.path("alertname").asText();
        boolean expectsAlerts = check.path("exp_alerts").size() > 0;
        (expectsAlerts ? fires : staysQuiet).put(alert, true);
      }
    }
    Set<String> untested = new TreeSet<>();
    for (JsonNode rule : rules()) {
      String name = rule.path("alert").asText();
      if (!fires.containsKey(name)) {
        untested.add(name + " (never shown firing)");
      }
      if (!staysQuiet.containsKey(name)) {
        untested.add(name + " (never shown not firing)");
      }
    }
    assertThat(untested).as("rules of %s without a case in %s", RULES, RULE_TESTS).isEmpty();
  }

  @Test
  void anchors_are_the_ones_github_gives_headings() {
    assertThat(
            readmeAnchors(
                """
        ## Runbooks
        ### DriftwatchDown
        ```bash
        # not a heading
        ```
        ## Runbooks
        ### What `up == 0` means, again!
        """))
        .containsExactlyInAnyOrder(
            "runbooks", "driftwatchdown", "runbooks-1", "what-up--0-means-again");
  }

  private static List<JsonNode> rules() throws IOException {
    List<JsonNode> rules = new ArrayList<>();
    for (JsonNode group : YAML.readTree(RULES.toFile()).path("groups")) {
      group.path("rules").forEach(rules::add);
    }
    return rules;
  }

  /**
   * GitHub's anchor of each heading outside code blocks: lower case, punctuation dropped, spaces to
   * dashes.
   */
  static Set<String> readmeAnchors(String markdown) {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean inCode = false;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      if (inCode || !line.matches("#{1,6} .*")) {
        continue;
      }
      String slug =
          line.replaceFirst("^#+ ", "")
              .strip()
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N} _-]", "")
              .replace(' ', '-');
      int count = seen.merge(slug, 1, Integer::sum);
      anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
    }
    return anchors;
  }
}
