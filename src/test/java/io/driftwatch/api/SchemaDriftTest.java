package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.EmbeddedServer;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.driftwatch.testing.TestPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drift and coverage on real PostgreSQL: a Prisma-managed database changed by hand the ways teams
 * change production, audited through the API.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class SchemaDriftTest {

  static final String INIT =
      """
      -- CreateEnum
      CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');

      -- CreateTable
      CREATE TABLE "User" (
          "id" SERIAL NOT NULL,
          "email" TEXT NOT NULL,
          "role" "Role" NOT NULL DEFAULT 'USER',
          CONSTRAINT "User_pkey" PRIMARY KEY ("id")
      );

      -- CreateTable
      CREATE TABLE "Post" (
          "id" SERIAL NOT NULL,
          "title" VARCHAR(200) NOT NULL,
          "authorId" INTEGER NOT NULL,
          CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
      );

      -- CreateIndex
      CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

      -- CreateIndex
      CREATE INDEX "Post_authorId_idx" ON "Post"("authorId");

      -- AddForeignKey
      ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
      """;

  static final String AUDIT_SCHEMA =
      """
      CREATE SCHEMA IF NOT EXISTS "audit";
      CREATE TABLE "audit"."Event" ("id" SERIAL NOT NULL, "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
          CONSTRAINT "Event_pkey" PRIMARY KEY ("id"));
      """;

  static final String SCHEMA =
      """
      datasource db {
        provider = "postgresql"
        url      = env("DATABASE_URL")
      }
      enum Role {
        USER
        ADMIN
      }
      model User {
        id    Int    @id @default(autoincrement())
        email String @unique
        role  Role   @default(USER)
        posts Post[]
      }
      model Post {
        id       Int    @id @default(autoincrement())
        title    String @db.VarChar(200)
        authorId Int
        author   User   @relation(fields: [authorId], references: [id])
        @@index([authorId])
      }
      """;

  private TargetDatabase target;
  private PrismaFolder folder;

  @BeforeEach
  void migrated() throws Exception {
    target = TargetDatabase.create().managedByPrisma();
    folder =
        PrismaFolder.create()
            .migration("20240101000000_init", INIT)
            .migration("20240102000000_audit", AUDIT_SCHEMA);
    Files.writeString(folder.root().resolve("schema.prisma"), SCHEMA);
    target.deploy("20240101000000_init", INIT).deploy("20240102000000_audit", AUDIT_SCHEMA);
  }

  @AfterEach
  void cleanUp() {
    folder.close();
    target.close();
  }

  @Test
  void a_clean_history_has_no_drift_and_full_coverage() {
    JsonPath audit = Environments.audit(Environments.register(target, folder));
    assertThat(audit.getString("drift.status")).isEqualTo("CHECKED");
    assertThat(audit.getInt("drift.count")).isZero();
    assertThat(audit.getList("findings.code", String.class))
        .noneMatch(code -> code.startsWith("SD") || code.startsWith("CV"));
    assertThat(audit.getDouble("coverage.ratio")).isEqualTo(1.0);
    assertThat(audit.getDouble("summary.coverageRatio")).isEqualTo(1.0);
    assertThat(audit.getInt("summary.driftObjects")).isZero();
  }

  @Test
  void a_db_push_table_is_untracked_with_a_catch_up_migration_and_uncovered_in_the_schema()
      throws Exception {
    Files.writeString(
        folder.root().resolve("schema.prisma"),
        SCHEMA
            + """
        model AuditLog {
          id  Int    @id @default(autoincrement())
          msg String
        }
        """);
    target.sql(
        "CREATE TABLE \"AuditLog\" (\"id\" SERIAL NOT NULL, \"msg\" TEXT NOT NULL, CONSTRAINT \"AuditLog_pkey\" PRIMARY KEY (\"id\"))");
    String environment = Environments.register(target, folder);
    JsonPath audit = Environments.audit(environment);

    assertThat(audit.getList("drift.items.kind", String.class)).containsExactly("UNTRACKED_TABLE");
    assertThat(audit.getString("drift.items[0].object")).isEqualTo("public.AuditLog");
    assertThat(audit.getString("drift.items[0].liveDdl"))
        .contains("CREATE TABLE")
        .contains("AuditLog");
    assertThat(audit.getString("drift.items[0].restoreSql")).contains("DROP TABLE");
    assertThat(audit.getString("drift.catchUp.name")).matches("\\d{14}_catch_up_drift");
    assertThat(audit.getList("drift.catchUp.commands", String.class))
        .last()
        .asString()
        .startsWith("npx prisma migrate resolve --applied ");
    assertThat(audit.getList("findings.code", String.class)).contains("SD001", "CV001");
    assertThat(audit.getString("coverage.items.find { it.prismaName == 'AuditLog' }.status"))
        .isEqualTo("LIVE_ONLY");

    JsonPath drift =
        given()
            .get("/api/v1/environments/" + environment + "/drift")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(drift.getInt("count")).isEqualTo(1);
    JsonPath coverage =
        given()
            .get("/api/v1/environments/" + environment + "/coverage")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(coverage.getDouble("ratio")).isLessThan(1.0);
  }

  @Test
  void manual_column_enum_value_dropped_index_and_changed_type_are_each_one_drift() {
    target
        .sql("ALTER TABLE \"User\" ADD COLUMN \"nickname\" TEXT")
        .sql("ALTER TYPE \"Role\" ADD VALUE 'GUEST'")
        .sql("DROP INDEX \"Post_authorId_idx\"")
        .sql("ALTER TABLE \"Post\" ALTER COLUMN \"title\" TYPE TEXT");
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getList("drift.items.kind", String.class))
        .containsExactlyInAnyOrder(
            "UNTRACKED_COLUMN", "UNTRACKED_ENUM_VALUE", "MISSING_INDEX", "CHANGED_COLUMN");
    assertThat(audit.getString("drift.items.find { it.kind == 'MISSING_INDEX' }.restoreSql"))
        .contains("CREATE INDEX \"Post_authorId_idx\"");
    assertThat(audit.getString("drift.items.find { it.kind == 'CHANGED_COLUMN' }.description"))
        .contains("character varying(200)")
        .contains("text");
    assertThat(audit.getString("drift.items.find { it.kind == 'UNTRACKED_ENUM_VALUE' }.member"))
        .isEqualTo("GUEST");
    assertThat(audit.getList("findings.code", String.class))
        .contains("SD002", "SD003", "SD009", "SD011");
    assertThat(audit.getString("outcome")).isEqualTo("DRIFT");
  }

  @Test
  void an_object_in_a_second_schema_is_found_and_an_ignored_one_is_not() {
    target
        .sql("CREATE TABLE \"audit\".\"Extra\" (\"id\" INT)")
        .sql("CREATE TABLE \"public\".\"audit_trail\" (\"id\" INT)");
    String environment = "env-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(
            """
        {"name": "%s", "tier": "production", "databaseUrl": "%s", "source": {"type": "path", "path": "%s"},
         "ignore": ["public.audit_*"]}
        """
                .formatted(environment, target.prismaUrl(), folder.path()))
        .post("/api/v1/environments")
        .then()
        .statusCode(201);
    JsonPath audit = Environments.audit(environment);

    assertThat(audit.getList("drift.items.object", String.class)).containsExactly("audit.Extra");
    given()
        .get("/api/v1/environments/" + environment)
        .then()
        .statusCode(200)
        .body("ignore", Matchers.contains("public.audit_*"));
  }

  @Test
  void hand_written_migrations_replay_to_exactly_what_they_built() {
    List<String[]> migrations =
        List.of(
            new String[] {
              "20240103000000_extensions",
              """
            CREATE EXTENSION IF NOT EXISTS "citext";
            CREATE EXTENSION IF NOT EXISTS "pg_trgm";
            CREATE EXTENSION IF NOT EXISTS "pgcrypto";
            ALTER TABLE "User" ADD COLUMN "handle" CITEXT;
            """
            },
            new String[] {
              "20240104000000_do_block",
              """
            DO $$
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'Status') THEN
                CREATE TYPE "Status" AS ENUM ('OPEN', 'CLOSED');
              END IF;
            END $$;
            ALTER TABLE "Post" ADD COLUMN "status" "Status" NOT NULL DEFAULT 'OPEN';
            """
            },
            new String[] {
              "20240105000000_explicit_transaction",
              """
            BEGIN;
            ALTER TABLE "Post" ADD COLUMN "updatedAt" TIMESTAMP(3);
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN NEW."updatedAt" := now(); RETURN NEW; END; $$;
            CREATE TRIGGER post_touch BEFORE UPDATE ON "Post" FOR EACH ROW EXECUTE FUNCTION touch();
            COMMIT;
            """
            },
            new String[] {
              "20240106000000_concurrent_index",
              "CREATE INDEX CONCURRENTLY \"Post_title_trgm_idx\" ON \"Post\" USING gin (\"title\" gin_trgm_ops);"
            },
            new String[] {
              "20240107000000_view",
              """
            CREATE VIEW "OpenPost" AS SELECT "id", "title" FROM "Post" WHERE "status" = 'OPEN';
            """
            });
    for (String[] migration : migrations) {
      folder.migration(migration[0], migration[1]);
      target.deploy(migration[0], migration[1]);
    }
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("drift.status")).isEqualTo("CHECKED");
    assertThat(audit.getList("drift.items.description", String.class)).isEmpty();
    assertThat(audit.getList("findings.code", String.class))
        .noneMatch(code -> code.startsWith("SD"));
  }

  @Test
  void a_change_between_two_audits_is_seen_though_the_catalog_is_kept_between_them() {
    String environment = Environments.register(target, folder);
    assertThat(Environments.audit(environment).getInt("drift.count")).isZero();
    assertThat(Environments.audit(environment).getInt("drift.count"))
        .as("unchanged schema, kept catalog")
        .isZero();

    target.sql("ALTER TABLE \"User\" ADD COLUMN \"nickname\" TEXT");
    assertThat(Environments.audit(environment).getList("drift.items.kind", String.class))
        .containsExactly("UNTRACKED_COLUMN");
    target.sql("ALTER TYPE \"Role\" ADD VALUE 'GUEST'");
    assertThat(Environments.audit(environment).getList("drift.items.kind", String.class))
        .containsExactlyInAnyOrder("UNTRACKED_COLUMN", "UNTRACKED_ENUM_VALUE");
    target
        .sql("ALTER TABLE \"User\" DROP COLUMN \"nickname\"")
        .sql("ALTER TABLE \"Post\" ALTER COLUMN \"title\" DROP NOT NULL");
    assertThat(Environments.audit(environment).getList("drift.items.kind", String.class))
        .containsExactlyInAnyOrder("CHANGED_COLUMN", "UNTRACKED_ENUM_VALUE");
  }

  @Test
  void a_repeated_audit_uses_the_kept_replay() {
    // Replays are kept by content: a script no other test has makes this history new to the cache.
    String unique = "-- " + UUID.randomUUID() + "\nCREATE TABLE \"Once\" (\"id\" INT);";
    folder.migration("20240103000000_once", unique);
    target.deploy("20240103000000_once", unique);
    String environment = Environments.register(target, folder);
    assertThat(Environments.audit(environment).getBoolean("drift.cached")).isFalse();
    assertThat(Environments.audit(environment).getBoolean("drift.cached")).isTrue();
  }

  @Test
  void a_migration_that_fails_on_a_fresh_database_is_reported_and_drift_is_not_guessed()
      throws Exception {
    String broken = "ALTER TABLE \"Legacy\" ADD COLUMN \"x\" INT;";
    target.sql("CREATE TABLE \"Legacy\" (\"id\" INT)").deploy("20240103000000_legacy", broken);
    folder.migration("20240103000000_legacy", broken);
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("drift.status")).isEqualTo("REPLAY_FAILED");
    assertThat(audit.getString("findings.find { it.code == 'SD020' }.migration"))
        .isEqualTo("20240103000000_legacy");
    assertThat(audit.getString("findings.find { it.code == 'SD020' }.message")).contains("42P01");
  }

  @Test
  void an_environment_may_name_its_own_shadow_server() {
    try (EmbeddedServer shadow = EmbeddedServer.launch()) {
      TestPostgres.Server server = shadow.server();
      String shadowUrl =
          "postgresql://"
              + server.user()
              + ":shadow-secret-pw@"
              + server.host()
              + ":"
              + server.port()
              + "/postgres";
      String environment = "env-" + UUID.randomUUID().toString().substring(0, 8);
      given()
          .contentType(ContentType.JSON)
          .body(
              """
          {"name": "%s", "tier": "production", "databaseUrl": "%s", "source": {"type": "path", "path": "%s"},
           "shadowDatabaseUrl": "%s"}
          """
                  .formatted(environment, target.prismaUrl(), folder.path(), shadowUrl))
          .post("/api/v1/environments")
          .then()
          .statusCode(201)
          .body("hasShadowDatabaseUrl", Matchers.equalTo(true))
          .body(Matchers.not(Matchers.containsString("shadow-secret-pw")));
      JsonPath audit = Environments.audit(environment);

      int shadowMajor = audit.getInt("drift.shadowServerMajorVersion");
      int databaseMajor = audit.getInt("drift.databaseMajorVersion");
      assertThat(audit.getString("drift.status")).isEqualTo("CHECKED");
      assertThat(shadowMajor)
          .as("replayed on the environment's shadow server")
          .isEqualTo(majorOf(server));
      assertThat(databaseMajor).isEqualTo(majorOf(TestPostgres.server()));
      if (shadowMajor != databaseMajor) {
        assertThat(audit.getList("findings.code", String.class)).contains("SD021");
      }
      assertThat(shadowDatabasesOn(server))
          .as("the scratch database is dropped on the environment's shadow server")
          .isZero();
    }
    given()
        .contentType(ContentType.JSON)
        .body(
            """
        {"name": "self-%s", "tier": "production", "databaseUrl": "%s", "source": {"type": "path", "path": "%s"},
         "shadowDatabaseUrl": "%s"}
        """
                .formatted(
                    UUID.randomUUID().toString().substring(0, 8),
                    target.prismaUrl(),
                    folder.path(),
                    target.prismaUrl()))
        .post("/api/v1/environments")
        .then()
        .statusCode(400)
        .body("detail", Matchers.containsString("must not be the watched database"));
  }

  private static int majorOf(TestPostgres.Server server) {
    try (Connection connection = server.connect("postgres");
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
      rows.next();
      return rows.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int shadowDatabasesOn(TestPostgres.Server server) {
    try (Connection connection = server.connect("postgres");
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) FROM pg_database WHERE datname LIKE 'dw\\_shadow\\_%'")) {
      rows.next();
      return rows.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void drift_and_coverage_need_an_audit_first() {
    String environment = Environments.register(target, folder);
    given()
        .get("/api/v1/environments/" + environment + "/drift")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body(
            """
        {"name": "bad-%s", "tier": "production", "databaseUrl": "%s", "source": {"type": "path", "path": "%s"},
         "ignore": [""]}
        """
                .formatted(
                    UUID.randomUUID().toString().substring(0, 8),
                    target.prismaUrl(),
                    folder.path()))
        .post("/api/v1/environments")
        .then()
        .statusCode(400);
  }
}
