package io.driftwatch.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.database.postgres.PostgresUrlSyntax;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A second provider is a second syntax: the parser picks it by scheme, PostgreSQL unchanged. */
class DatabaseUrlParserTest {

  private static final UrlSyntax OTHER =
      new UrlSyntax() {
        @Override
        public List<String> schemes() {
          return List.of("otherdb");
        }

        @Override
        public int defaultPort() {
          return 7000;
        }

        @Override
        public Map<String, String> defaults() {
          return Map.of("schema", "main");
        }

        @Override
        public String example() {
          return "otherdb://user:password@host:7000/app";
        }

        @Override
        public void validate(Map<String, String> parameters) {
          if (parameters.containsKey("sslmode")) {
            throw new InvalidDatabaseUrlException("otherdb takes no sslmode");
          }
        }
      };

  private final DatabaseUrlParser parser =
      new DatabaseUrlParser(List.of(PostgresUrlSyntax.INSTANCE, OTHER));

  @Test
  void the_scheme_picks_the_syntax_and_its_defaults() {
    PrismaDatabaseUrl other = parser.parse("otherdb://u:secret@h/app");
    assertThat(other.provider()).isEqualTo("otherdb");
    assertThat(other.port()).isEqualTo(7000);
    assertThat(other.schema()).isEqualTo("main");
    assertThat(other.masked()).isEqualTo("otherdb://u:****@h:7000/app");
    assertThat(parser.parse("postgres://u@h/d").provider()).isEqualTo("postgresql");
  }

  @Test
  void each_syntax_checks_its_own_parameters() {
    assertThatThrownBy(() -> parser.parse("otherdb://u@h/app?sslmode=require"))
        .hasMessageContaining("otherdb takes no sslmode");
    assertThat(parser.parse("postgresql://u@h/d?sslmode=require").sslMode()).isEqualTo("require");
  }

  @Test
  void an_unknown_scheme_names_every_accepted_one() {
    assertThatThrownBy(() -> parser.parse("http://u@h/d"))
        .hasMessage(
            "databaseUrl must start with postgresql:// or postgres:// or otherdb:// (got http://)");
  }
}
