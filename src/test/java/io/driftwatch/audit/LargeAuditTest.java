package io.driftwatch.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.api.Environments;
import io.driftwatch.testing.Checksums;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Audits whose size would nest a stack frame per item if anything on the audit path recursed per
 * finding, per migration or per object: they must complete at the default thread stack size,
 * through the real endpoint.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class LargeAuditTest {

  private static final String INIT = "20240101000000_init";
  private static final String INIT_SQL = "SELECT 1;\n";

  /**
   * A pending script that fails wherever it runs: one pending finding per folder, nothing replayed
   * past it.
   */
  private static final String FAILING_SQL = "SELECT k;\n";

  /** An audit of this size answers in seconds; the bound only turns a hang into a failure. */
  private static final int REQUEST_TIMEOUT_MS = 240_000;

  private TargetDatabase target;
  private PrismaFolder folder;

  @BeforeEach
  void createTargetAndFolder() {
    target = TargetDatabase.create().managedByPrisma();
    folder = PrismaFolder.create();
  }

  @AfterEach
  void cleanUp() {
    target.close();
    folder.close();
  }

  @Test
  void an_audit_of_5000_pending_migrations_completes_and_reports_each() {
    folder.migration(INIT, INIT_SQL);
    target.deploy(INIT, INIT_SQL);
    writeFolders(5_000, "_pending", FAILING_SQL);

    JsonPath audit = audit(Environments.register(target, folder));

    assertThat(audit.getString("outcome")).isEqualTo("DRIFT");
    assertThat(audit.getString("history.state")).isEqualTo("DATABASE_BEHIND");
    assertThat(audit.getList("history.migrations")).hasSize(5_001);
    assertThat(audit.getList("findings.findAll { it.code == 'HI001' }"))
        .as("one pending finding per folder")
        .hasSize(5_000);
    assertThat(audit.getInt("summary.migrations.PENDING")).isEqualTo(5_000);
    assertThat(audit.getInt("summary.migrations.APPLIED")).isEqualTo(1);
  }

  @Test
  void an_audit_of_a_history_of_20000_migrations_completes_and_reports_each() {
    writeFolders(20_000, "_applied", INIT_SQL);
    // One statement for all the rows, as migrate deploy would have written them one by one.
    target.sql(
        """
        INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
        SELECT gen_random_uuid()::text, '%s', now(), %s, now(), 1 FROM generate_series(1, 20000) AS i
        """
            .formatted(Checksums.of(INIT_SQL), migrationName("i", "_applied")));

    JsonPath audit = audit(Environments.register(target, folder));

    assertThat(audit.getString("outcome")).isEqualTo("CLEAN");
    assertThat(audit.getString("history.state")).isEqualTo("IN_SYNC");
    assertThat(audit.getList("history.migrations")).hasSize(20_000);
    assertThat(audit.getList("history.migrations.findAll { it.state == 'APPLIED' }"))
        .hasSize(20_000);
    assertThat(audit.getInt("target.rows")).isEqualTo(20_000);
    assertThat(audit.getInt("source.migrations")).isEqualTo(20_000);
  }

  /** {@code count} folders named in migration order after the init, each holding {@code sql}. */
  private void writeFolders(int count, String suffix, String sql) {
    try {
      for (int i = 1; i <= count; i++) {
        Path directory = Files.createDirectories(folder.migrations().resolve(name(i, suffix)));
        Files.writeString(directory.resolve("migration.sql"), sql);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String name(int i, String suffix) {
    return "2025" + String.format("%010d", i) + suffix;
  }

  /** The same name as {@link #name}, in SQL over the integer expression {@code i}. */
  private static String migrationName(String i, String suffix) {
    return "'2025' || lpad(" + i + "::text, 10, '0') || '" + suffix + "'";
  }

  private static JsonPath audit(String environment) {
    return given()
        .config(
            RestAssuredConfig.config()
                .httpClient(
                    HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", REQUEST_TIMEOUT_MS)
                        .setParam("http.socket.timeout", REQUEST_TIMEOUT_MS)))
        .post("/api/v1/environments/" + environment + "/audits")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }
}
