package io.driftwatch.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.api.Environments;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each project layout driftwatch reads, audited end to end through the API on a real PostgreSQL:
 * Prisma 6's defaults, a Prisma 7 config (a schema folder, moved migrations, external tables), a
 * config that cannot be read statically, and a Prisma 8 migrations folder against a signed
 * database.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class ProjectLayoutAuditTest {

  private static final String INIT =
      "CREATE TABLE \"User\" (\"id\" SERIAL NOT NULL, CONSTRAINT \"User_pkey\" PRIMARY KEY"
          + " (\"id\"));\n";
  private static final String POSTS =
      "CREATE TABLE \"Post\" (\"id\" SERIAL NOT NULL, CONSTRAINT \"Post_pkey\" PRIMARY KEY"
          + " (\"id\"));\n";
  private static final String DATASOURCE = "datasource db {\n  provider = \"postgresql\"\n}\n";

  private TargetDatabase target;
  private PrismaFolder folder;

  @BeforeEach
  void create() {
    target = TargetDatabase.create().managedByPrisma().deploy("20240101000000_init", INIT);
    folder = PrismaFolder.create();
  }

  @AfterEach
  void cleanUp() {
    folder.close();
    target.close();
  }

  private void write(String path, String text) {
    Path file = folder.root().resolve(path);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void a_prisma_6_project_is_read_at_prismas_defaults() {
    folder.migration("20240101000000_init", INIT);

    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("source.layout.config")).isNull();
    assertThat(audit.getString("source.layout.migrations.from")).isEqualTo("Prisma's default");
    assertThat(audit.getInt("source.layout.prisma.major")).isEqualTo(6);
    assertThat(audit.getString("history.owner")).isEqualTo("PRISMA_MIGRATE");
  }

  @Test
  void a_prisma_7_config_moves_the_schema_and_migrations_and_leaves_external_tables_alone() {
    write(
        "prisma.config.ts",
        """
        import "dotenv/config";
        import path from "node:path";
        import { defineConfig, env } from "prisma/config";

        export default defineConfig({
          schema: path.join(__dirname, "db", "schema"),
          migrations: { path: "db/migrations" },
          experimental: { externalTables: true },
          tables: { external: ["public.audit_log"] },
          datasource: { url: env("DATABASE_URL") },
        });
        """);
    write("db/schema/base.prisma", DATASOURCE);
    write(
        "db/schema/user.prisma",
        "model User {\n  id Int @id @default(autoincrement())\n}\n\n"
            + "model Post {\n  id Int @id @default(autoincrement())\n}\n\n"
            + "model AuditLog {\n  id Int @id\n  @@map(\"audit_log\")\n}\n\n"
            + "model Ghost {\n  id Int @id\n}\n");
    write("db/migrations/migration_lock.toml", "provider = \"postgresql\"\n");
    write("db/migrations/20240101000000_init/migration.sql", INIT);
    write("db/migrations/20240102000000_posts/migration.sql", POSTS);
    // Managed by another tool, as the config says: neither drift nor a model without migration.
    target.sql("CREATE TABLE audit_log (id int PRIMARY KEY)");
    // Not external: drift and coverage still report what the config does not name.
    target.sql("CREATE TABLE scratch (id int)");

    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("outcome")).isNotEqualTo("ERROR");
    assertThat(audit.getString("source.layout.config")).isEqualTo("prisma.config.ts");
    assertThat(audit.getString("source.layout.schema.path")).isEqualTo("db/schema");
    assertThat(audit.getString("source.layout.migrations.path")).isEqualTo("db/migrations");
    assertThat(audit.getString("source.layout.migrations.from"))
        .isEqualTo("prisma.config.ts `migrations.path`");
    assertThat(audit.getList("source.layout.externalTables", String.class))
        .containsExactly("public.audit_log");
    assertThat(audit.getInt("source.layout.prisma.major")).isEqualTo(7);
    assertThat(audit.getInt("source.migrations")).isEqualTo(2);
    List<String> codes = audit.getList("findings.code", String.class);
    // A Prisma 7 datasource has no url: nothing depends on it.
    assertThat(codes).contains("HI001", "SD001", "CV001").doesNotContain("DH001", "CV003");
    List<String> messages = audit.getList("findings.message", String.class);
    assertThat(messages).anyMatch(message -> message.contains("scratch"));
    assertThat(messages).anyMatch(message -> message.contains("Ghost"));
    assertThat(messages)
        .noneMatch(message -> message.contains("audit_log") || message.contains("AuditLog"));
    assertThat(audit.getList("plan.steps.command", String.class))
        .contains("npx prisma migrate deploy");
  }

  @Test
  void a_config_that_hides_the_schema_behind_code_is_a_finding_that_names_the_key() {
    write(
        "prisma.config.ts",
        "import { defineConfig } from 'prisma/config';\n"
            + "export default defineConfig({ schema: locateSchema(), migrations: { path:"
            + " 'migrations' } });\n");
    folder.migration("20240101000000_init", INIT);

    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getList("findings.code", String.class)).contains("DH008");
    assertThat(audit.getList("source.layout.unread.key", String.class)).containsExactly("schema");
    assertThat(audit.getList("findings.help", String.class))
        .anyMatch(help -> help.contains("source.schemaPath"));
  }

  @Test
  void a_prisma_8_folder_against_a_marker_no_ref_produces_is_the_prisma_8_phantom() {
    folder.migration("20240101000000_init", INIT);
    write(
        "migrations/app/20261101T1200_init/migration.json",
        "{\"migrationHash\":\"m1\",\"from\":null,\"to\":\"sha256:aa11\"}");
    write("migrations/app/20261101T1200_init/ops.json", "[]");
    write("migrations/app/refs/production.json", "{\"hash\":\"aa11\",\"invariants\":[]}");
    target.sql(
        "CREATE SCHEMA prisma_contract; CREATE TABLE prisma_contract.marker (space text PRIMARY"
            + " KEY, core_hash text NOT NULL, profile_hash text NOT NULL, updated_at timestamptz"
            + " NOT NULL DEFAULT now());"
            + " INSERT INTO prisma_contract.marker VALUES ('app', 'sha256:ff99', 'p', now())");
    target.sql("UPDATE _prisma_migrations SET started_at = now() - interval '1 day'");

    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("history.owner")).isEqualTo("PRISMA_8");
    assertThat(audit.getList("findings.code", String.class))
        .contains("HI014", "HI012", "DH007")
        .doesNotContain("DH001");
    assertThat(audit.getList("source.layout.prisma8.migrations", String.class))
        .containsExactly("20261101T1200_init");

    target.sql("UPDATE prisma_contract.marker SET core_hash = 'sha256:AA11'");
    JsonPath again = Environments.audit(audit.getString("environment"));
    assertThat(again.getList("findings.code", String.class)).doesNotContain("HI014");
  }
}
