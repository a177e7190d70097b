package io.driftwatch.database.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.database.PrismaDatabaseUrl;
import org.junit.jupiter.api.Test;

class PostgresUrlSyntaxTest {

  @Test
  void parses_a_prisma_url_with_schema_and_ssl() {
    PrismaDatabaseUrl url =
        PostgresUrlSyntax.parse(
            "postgresql://app%40corp:p%40ss%3Aw0rd@db.example.com:6543/shop?schema=billing&sslmode=require&connection_limit=5");
    assertThat(url.host()).isEqualTo("db.example.com");
    assertThat(url.port()).isEqualTo(6543);
    assertThat(url.database()).isEqualTo("shop");
    assertThat(url.user()).isEqualTo("app@corp");
    assertThat(url.password()).contains("p@ss:w0rd");
    assertThat(url.schema()).isEqualTo("billing");
    assertThat(url.sslMode()).isEqualTo("require");
  }

  @Test
  void defaults_port_schema_and_sslmode() {
    PrismaDatabaseUrl url = PostgresUrlSyntax.parse("postgres://u@h/d");
    assertThat(url.port()).isEqualTo(5432);
    assertThat(url.schema()).isEqualTo("public");
    assertThat(url.sslMode()).isEqualTo("prefer");
    assertThat(url.password()).isEmpty();
  }

  @Test
  void masks_the_password_and_password_parameters() {
    PrismaDatabaseUrl url =
        PostgresUrlSyntax.parse("postgresql://u:hunter2@h:5432/d?sslpassword=hunter3&schema=s");
    assertThat(url.masked()).isEqualTo("postgresql://u:****@h:5432/d?sslpassword=****&schema=s");
    assertThat(url.toString()).doesNotContain("hunter");
  }

  @Test
  void plus_in_a_password_stays_a_plus() {
    assertThat(PostgresUrlSyntax.parse("postgresql://u:a+b@h/d").password()).contains("a+b");
  }

  @Test
  void rejects_what_prisma_would_not_accept_with_a_reason() {
    assertThatThrownBy(() -> PostgresUrlSyntax.parse("")).hasMessageContaining("required");
    assertThatThrownBy(() -> PostgresUrlSyntax.parse("http://u@h/d"))
        .hasMessageContaining("postgresql://");
    assertThatThrownBy(() -> PostgresUrlSyntax.parse("mysql://u@h/d"))
        .hasMessageContaining("must start with postgresql:// or postgres://");
    assertThatThrownBy(() -> PostgresUrlSyntax.parse("postgresql://h/d"))
        .hasMessageContaining("names no user");
    assertThatThrownBy(() -> PostgresUrlSyntax.parse("postgresql://u@h"))
        .hasMessageContaining("names no database");
    assertThatThrownBy(() -> PostgresUrlSyntax.parse("postgresql://u@h/d?sslmode=always"))
        .hasMessageContaining("sslmode");
    assertThatThrownBy(() -> PostgresUrlSyntax.parse("postgresql://u@h/d?schema=a&schema=b"))
        .hasMessageContaining("repeats");
    assertThatThrownBy(() -> PostgresUrlSyntax.parse("postgresql://u:p w@h/d"))
        .hasMessageContaining("not a valid URL");
  }

  @Test
  void error_messages_never_hold_the_password() {
    assertThatThrownBy(() -> PostgresUrlSyntax.parse("postgresql://u:topsecret@h/d?bogus=1"))
        .hasMessageNotContaining("topsecret");
  }
}
