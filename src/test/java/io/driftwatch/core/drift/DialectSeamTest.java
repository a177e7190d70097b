package io.driftwatch.core.drift;

import static io.driftwatch.core.drift.DriftFixtures.EXPECTED;
import static io.driftwatch.core.drift.DriftFixtures.addTable;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.TargetSnapshot;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.CatalogDdl;
import io.driftwatch.core.catalog.NameDdl;
import io.driftwatch.core.catalog.PostgresNameDdl;
import io.driftwatch.core.catalog.SchemaDdl;
import io.driftwatch.core.dialect.postgres.PostgresSql;
import io.driftwatch.core.effect.ReverseSql;
import io.driftwatch.core.effect.StatementEffects;
import io.driftwatch.core.engine.Dialects;
import io.driftwatch.core.prisma.PrismaStatus.DatasourceLine;
import io.driftwatch.core.sql.SqlScript;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The DDL driftwatch writes comes from the dialect: a second database's DDL is what the drift's SQL
 * both ways and the reverse SQL are written in, with nothing of PostgreSQL's left in between.
 */
class DialectSeamTest {

  /** PostgreSQL's DDL, each statement marked as another dialect's: enough to see whose it is. */
  private static final Function<Catalog, SchemaDdl> OTHER =
      catalog -> marked(SchemaDdl.class, new CatalogDdl(catalog));

  /** PostgreSQL's DDL by name, marked the same way. */
  private static final NameDdl OTHER_NAMES = marked(NameDdl.class, PostgresNameDdl.INSTANCE);

  private static <T> T marked(Class<T> port, T postgres) {
    return port.cast(
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (proxy, method, args) -> {
              Object written = method.invoke(postgres, args);
              return written instanceof String sql ? "/* other */ " + sql : written;
            }));
  }

  @Test
  void the_drift_s_sql_both_ways_is_written_in_the_dialect_s_ddl() {
    SchemaDrift drift =
        SchemaDiff.compare(
            EXPECTED, addTable(EXPECTED, SchemaDiffTablesTest.AUDIT_LOG_TABLE), OTHER);

    assertThat(drift.drifts())
        .singleElement()
        .satisfies(item -> assertThat(item.liveDdl()).startsWith("/* other */ CREATE TABLE"))
        .satisfies(item -> assertThat(item.restoreSql()).contains("/* other */ DROP TABLE"));
  }

  @Test
  void reverse_sql_is_written_in_the_dialect_s_ddl() {
    Catalog before = addTable(EXPECTED, SchemaDiffTablesTest.AUDIT_LOG_TABLE);
    List<ReverseSql.Reversal> reversals =
        new ReverseSql(Optional.of(before), OTHER, OTHER_NAMES)
            .reverse(
                new StatementEffects("public")
                    .of(
                        SqlScript.split(
                                """
                                DROP INDEX "AuditLog_userId_idx";
                                CREATE TABLE "Tag" ("id" INTEGER);
                                ALTER TABLE "AuditLog" RENAME COLUMN "userId" TO "authorId";
                                ALTER TABLE "AuditLog" ALTER COLUMN "action" DROP NOT NULL;
                                CREATE INDEX "Tag_id_idx" ON "Tag" ("id");
                                ALTER TYPE "Role" RENAME VALUE 'USER' TO 'MEMBER';
                                """)
                            .statements()));

    assertThat(reversals).hasSize(6);
    assertThat(reversals)
        .allSatisfy(
            r ->
                assertThat(r.sql())
                    .hasValueSatisfying(sql -> assertThat(sql).startsWith("/* other */")));
  }

  @Test
  void a_postgresql_target_speaks_postgresql() {
    TargetSnapshot target =
        new TargetSnapshot(
            "postgresql",
            true,
            true,
            List.of(),
            false,
            new DatasourceLine("PostgreSQL", "app", "public", "db:5432"));

    assertThat(Dialects.of(target)).isSameAs(PostgresSql.INSTANCE);
  }
}
