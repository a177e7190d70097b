package io.driftwatch.core.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.CatalogDdl;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.effect.ImplicitName;
import io.driftwatch.core.effect.SchemaObject.Kind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostgresSqlTest {

  private final PostgresSql dialect = PostgresSql.INSTANCE;

  @Test
  void quotes_as_the_ddl_writer_does() {
    for (String text : List.of("User", "select", "a\"b", "it's", "")) {
      assertThat(dialect.quoting().identifier(text)).isEqualTo(CatalogDdl.quote(text));
      assertThat(dialect.quoting().literal(text)).isEqualTo(CatalogDdl.literal(text));
    }
    assertThat(dialect.quoting().identifier("a\"b")).isEqualTo("\"a\"\"b\"");
    assertThat(dialect.quoting().literal("it's")).isEqualTo("'it''s'");
  }

  @Test
  void names_an_unnamed_object_as_postgresql_does() {
    ImplicitName key =
        new ImplicitName(
            Kind.CONSTRAINT, QualifiedName.of("public", "User"), List.of("id"), "pkey");
    assertThat(dialect.naming().choose(key, name -> false, null)).isEqualTo("User_pkey");
    assertThat(dialect.naming().choose(key, Set.of("User_pkey")::contains, null))
        .isEqualTo("User_pkey1");
  }
}
