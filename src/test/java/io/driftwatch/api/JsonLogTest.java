package io.driftwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.testing.JsonFileLog;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Logs in JSON, one object per line, and every audit logged once with its environment, outcome,
 * duration and counts as fields: what a log pipeline needs to alert on audits without parsing text.
 * The URL's credentials are never among them.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
@WithTestResource(JsonFileLog.class)
class JsonLogTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void every_audit_is_one_json_line_with_its_environment_outcome_duration_and_counts()
      throws Exception {
    try (TargetDatabase target =
            TargetDatabase.create().managedByPrisma().deploy("20240101000000_init", "SELECT 1;\n");
        PrismaFolder folder =
            PrismaFolder.create()
                .migration("20240101000000_init", "SELECT 1;\n")
                .migration("20240202000000_next", "CREATE TABLE \"t\" (\"id\" INTEGER);\n")) {
      String environment = Environments.register(target, folder);
      String auditId = Environments.audit(environment).getString("id");

      List<JsonNode> lines = awaitAuditLines(auditId);
      assertThat(lines).as("one line for the audit").hasSize(1);
      JsonNode line = lines.get(0);
      assertThat(line.path("level").asText()).isEqualTo("INFO");
      assertThat(line.path("message").asText())
          .startsWith("audited " + environment + ": DRIFT in ");
      JsonNode fields = line.path("mdc");
      assertThat(fields.path("environment").asText()).isEqualTo(environment);
      assertThat(fields.path("tier").asText()).isEqualTo("production");
      assertThat(fields.path("outcome").asText()).isEqualTo("DRIFT");
      assertThat(fields.path("historyState").asText()).isEqualTo("DATABASE_BEHIND");
      assertThat(fields.path("migrations.PENDING").asText()).isEqualTo("1");
      assertThat(fields.path("migrations.APPLIED").asText()).isEqualTo("1");
      assertThat(fields.path("findings.WARNING").asInt()).isPositive();
      assertThat(fields.path("durationMs").asLong()).isNotNegative();
      assertThat(line.toString()).doesNotContain(target.prismaUrl());
    }
  }

  private static List<JsonNode> awaitAuditLines(String auditId) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      List<JsonNode> found = new ArrayList<>();
      for (String text : Files.readAllLines(JsonFileLog.FILE)) {
        JsonNode line = JSON.readTree(text); // every line is a JSON object, or this fails
        if (auditId.equals(line.path("mdc").path("auditId").asText())) {
          found.add(line);
        }
      }
      if (!found.isEmpty() || System.nanoTime() > deadline) {
        return found;
      }
      Thread.sleep(100);
    }
  }
}
