package io.driftwatch.database.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.api.Environments;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.driftwatch.testing.TestPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Names in a watched database are the database owner's input, and the server's settings are not
 * driftwatch's: a table name built to end a string literal under {@code
 * standard_conforming_strings=off} must stay a name.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class TargetInjectionTest {

  /**
   * Under standard_conforming_strings=off, {@code \'} inside a literal is a quote that does not end
   * it.
   */
  private static final String HOSTILE =
      "\\';END;SET default_transaction_read_only=0;END;DROP TABLE t;--";

  private static final String LEADS =
      "CREATE TABLE \"Lead\" (\"id\" SERIAL NOT NULL, CONSTRAINT \"Lead_pkey\" "
          + "PRIMARY KEY (\"id\"));\n";

  @Inject Vertx vertx;

  @Inject DriftwatchConfig config;

  private TargetDatabase target;
  private PrismaFolder folder;

  @BeforeEach
  void create() {
    target =
        TargetDatabase.create()
            .managedByPrisma()
            .deploy("20240101000000_init", "CREATE TABLE t (id int);\n");
    folder = PrismaFolder.create().migration("20240101000000_init", "CREATE TABLE t (id int);\n");
  }

  @AfterEach
  void cleanUp() {
    folder.close();
    target.close();
  }

  @Test
  void a_table_named_to_end_a_literal_cannot_drop_another_under_standard_conforming_strings_off()
      throws Exception {
    target.sql("ALTER DATABASE \"" + target.name() + "\" SET standard_conforming_strings = off");
    target.sql("CREATE TABLE \"" + HOSTILE.replace("\"", "\"\"") + "\" (id int)");
    // A history broken enough that the plan checks every table for rows exactly, by name.
    folder.migration("20240102000000_leads", LEADS);
    target.deployFailed("20240102000000_leads", LEADS, "ERROR: deadlock detected");
    target.row("20231201000000_hotfix_by_hand", "0".repeat(64), true);
    target.sql("ALTER TABLE t ADD COLUMN nickname TEXT");

    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("outcome")).isNotEqualTo("ERROR");
    assertThat(tableExists("t")).as("the table the hostile name tried to drop").isTrue();
    assertThat(audit.getString("plan.data.holdsData"))
        .as("the exact check ran on every table")
        .isEqualTo("no");
  }

  @Test
  void
      a_session_opened_as_the_service_opens_one_pins_standard_conforming_strings_whatever_the_database_says() {
    target.sql("ALTER DATABASE \"" + target.name() + "\" SET standard_conforming_strings = off");
    PgConnectOptions options =
        PostgresPools.connectOptions(PostgresUrlSyntax.parse(target.prismaUrl()), config.target());
    PgConnection session =
        PgConnection.connect(vertx, options).await().atMost(Duration.ofSeconds(10));
    try {
      Row row =
          session
              .query(
                  "SELECT setting || ' from ' || source AS value FROM pg_settings"
                      + " WHERE name = 'standard_conforming_strings'")
              .execute()
              .await()
              .atMost(Duration.ofSeconds(10))
              .iterator()
              .next();
      assertThat(row.getString("value")).isEqualTo("on from client");
    } finally {
      session.close().await().atMost(Duration.ofSeconds(10));
    }
  }

  private boolean tableExists(String name) throws SQLException {
    try (Connection connection = TestPostgres.server().connect(target.name());
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) FROM pg_class WHERE relname = '" + name + "' AND relkind = 'r'")) {
      rows.next();
      return rows.getInt(1) == 1;
    }
  }
}
