package io.driftwatch.database.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.core.TargetSnapshot;
import io.driftwatch.database.DatabaseDialects;
import io.driftwatch.testing.MySqlTargetDatabase;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TestMySql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * deploy/sql/driftwatch-readonly-mysql.sql is enough for an audit's read, and the account it makes
 * cannot write.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class MySqlLeastPrivilegeTest {

  @Inject DatabaseDialects dialects;

  @Test
  void the_deploy_script_grants_what_the_reader_needs_and_no_write() throws Exception {
    String user = "dw_ro_" + UUID.randomUUID().toString().substring(0, 8);
    try (MySqlTargetDatabase target =
        MySqlTargetDatabase.create()
            .managedByPrisma()
            .deploy("20250101000000_init", MySqlTargetReaderTest.SCHEMA_SQL)) {
      String script =
          Files.readString(Path.of("deploy/sql/driftwatch-readonly-mysql.sql"))
              .replace("'driftwatch'@'%'", "'" + user + "'@'%'")
              .replace("`app`", "`" + target.name() + "`")
              .replace("'change-me'", "'s3cret-ro'");
      for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!statement.isBlank()) {
          target.server().execute(statement);
        }
      }
      try {
        String url =
            "mysql://"
                + user
                + ":s3cret-ro@"
                + target.server().host()
                + ":"
                + target.server().port()
                + "/"
                + target.name();
        TargetSnapshot snapshot =
            dialects
                .read(UUID.randomUUID(), dialects.parse(url))
                .await()
                .atMost(Duration.ofSeconds(30));
        assertThat(snapshot.rows()).hasSize(1);
        assertThat(snapshot.catalog().orElseThrow().tables()).hasSize(3);
        assertThat(snapshot.catalog().orElseThrow().views()).hasSize(1);
        assertThat(snapshot.catalog().orElseThrow().views().get(0).definition()).isNotBlank();

        try (Connection connection =
                TestMySql.connect(
                    target.server().host(),
                    target.server().port(),
                    target.name(),
                    user,
                    "s3cret-ro");
            Statement statement = connection.createStatement()) {
          assertThatThrownBy(() -> statement.execute("DELETE FROM `_prisma_migrations`"))
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("denied");
          assertThatThrownBy(() -> statement.execute("DROP TABLE `Post`"))
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("denied");
        }
      } finally {
        target.server().execute("DROP USER IF EXISTS '" + user + "'@'%'");
      }
    }
  }
}
