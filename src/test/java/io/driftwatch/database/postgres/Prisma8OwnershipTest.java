package io.driftwatch.database.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.api.Environments;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who owns a database's history, read from a real PostgreSQL holding Prisma 8's tables as the
 * release candidates ({@code prisma_contract}) and 8.0 ({@code _prisma}) write them, audited end to
 * end.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class Prisma8OwnershipTest {

  private static final String INIT = "CREATE TABLE \"User\" (\"id\" SERIAL PRIMARY KEY);\n";

  /** The marker and ledger as the release candidates create them. */
  private static final String CONTRACT_TABLES =
      """
      CREATE SCHEMA %1$s;
      CREATE TABLE %1$s.marker (
        space text NOT NULL PRIMARY KEY DEFAULT 'app', core_hash text NOT NULL,
        profile_hash text NOT NULL, contract_json jsonb, canonical_version int,
        updated_at timestamptz NOT NULL DEFAULT now(), app_tag text,
        meta jsonb NOT NULL DEFAULT '{}', invariants text[] NOT NULL DEFAULT '{}');
      CREATE TABLE %1$s.ledger (
        id bigserial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now(),
        origin_core_hash text, origin_profile_hash text, destination_core_hash text NOT NULL,
        destination_profile_hash text, contract_json_before jsonb, contract_json_after jsonb,
        operations jsonb NOT NULL);
      """;

  private TargetDatabase target;
  private PrismaFolder folder;

  @BeforeEach
  void create() {
    target = TargetDatabase.create().managedByPrisma().deploy("20240101000000_init", INIT);
    folder = PrismaFolder.create().migration("20240101000000_init", INIT);
  }

  @AfterEach
  void cleanUp() {
    folder.close();
    target.close();
  }

  @Test
  void a_database_signed_by_prisma_8_after_its_last_deploy_is_prisma_8s_and_its_history_is_inert() {
    target.sql(CONTRACT_TABLES.formatted("prisma_contract"));
    target.sql(
        "INSERT INTO prisma_contract.ledger (destination_core_hash, operations)"
            + " VALUES ('sha256:c9bc2918', '[]')");
    target.sql(
        "INSERT INTO prisma_contract.marker (core_hash, profile_hash)"
            + " VALUES ('sha256:c9bc2918', 'sha256:1a8d')");
    // What the inert table still says would be a phantom and a failure under Prisma Migrate.
    target.row("20231201000000_by_hand", "0".repeat(64), true);
    target.row("20240102000000_half_done", "1".repeat(64), false);
    target.sql(
        "UPDATE _prisma_migrations SET started_at = now() - interval '1 day'"
            + ", finished_at = now() - interval '1 day'");

    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("history.owner")).isEqualTo("PRISMA_8");
    assertThat(audit.getString("history.contractMarker")).isEqualTo("sha256:c9bc2918");
    assertThat(audit.getString("history.ownership")).contains("inert");
    assertThat(audit.getList("findings.code", String.class))
        .contains("HI012")
        .doesNotContain("HI002", "HI004", "HI001");
    assertThat(audit.getString("plan.summary")).startsWith("Prisma 8 owns this database's history");
    assertThat(audit.getString("outcome")).isEqualTo("CLEAN");
  }

  @Test
  void a_database_still_deployed_by_prisma_migrate_after_the_hand_over_began_is_hybrid() {
    target.sql(CONTRACT_TABLES.formatted("_prisma"));
    target.sql(
        "INSERT INTO _prisma.ledger (created_at, destination_core_hash, operations)"
            + " VALUES (now() - interval '2 days', 'c9bc2918', '[]')");
    target.sql(
        "INSERT INTO _prisma.marker (core_hash, profile_hash, updated_at)"
            + " VALUES ('c9bc2918', '1a8d', now() - interval '2 days')");
    // A deploy by Prisma Migrate since.
    target.sql("UPDATE _prisma_migrations SET started_at = now(), finished_at = now()");
    folder.migration("20240105000000_pending", "CREATE TABLE \"Post\" (\"id\" int);\n");

    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("history.owner")).isEqualTo("HYBRID");
    assertThat(audit.getList("findings.code", String.class)).contains("HI013", "HI001");
  }

  @Test
  void a_marker_of_another_shape_is_said_not_understood_and_the_audit_goes_on() {
    target.sql(
        "CREATE SCHEMA _prisma; CREATE TABLE _prisma.marker (id smallint PRIMARY KEY,"
            + " contract text, updated_at text); INSERT INTO _prisma.marker VALUES (1, 'x', 'y')");
    target.sql("DROP TABLE _prisma_migrations");

    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("outcome")).isNotEqualTo("ERROR");
    assertThat(audit.getString("history.owner")).isEqualTo("PRISMA_8");
    // No _prisma_migrations: drift against every migration of the folder, which created "User".
    assertThat(audit.getString("drift.status")).isEqualTo("CHECKED");
    assertThat(audit.getList("findings.code", String.class)).doesNotContain("SD001", "HI008");
    assertThat(audit.getList("findings.message", String.class))
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains("Not understood: the marker has none of the columns core_hash"));
  }

  @Test
  void a_database_without_prisma_8_tables_is_prisma_migrates() {
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("history.owner")).isEqualTo("PRISMA_MIGRATE");
    assertThat(audit.getString("history.contractMarker")).isNull();
  }
}
