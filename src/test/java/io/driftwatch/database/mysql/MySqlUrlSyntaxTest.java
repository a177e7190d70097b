package io.driftwatch.database.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.database.PrismaDatabaseUrl;
import org.junit.jupiter.api.Test;

/** Prisma's MySQL connection URL, for MySQL and MariaDB alike. */
class MySqlUrlSyntaxTest {

  @Test
  void reads_what_prisma_takes_the_database_being_the_schema() {
    PrismaDatabaseUrl url =
        MySqlUrlSyntax.parse(
            "mysql://app%40ops:p%40ss@db.internal/shop?connection_limit=5&sslaccept=strict"
                + "&sslcert=/certs/ca.pem&connect_timeout=10");
    assertThat(url.provider()).isEqualTo("mysql");
    assertThat(url.port()).isEqualTo(3306);
    assertThat(url.user()).isEqualTo("app@ops");
    assertThat(url.password()).contains("p@ss");
    assertThat(url.database()).isEqualTo("shop");
    assertThat(url.schema()).isEqualTo("shop");
    assertThat(url.parameter("sslaccept")).contains("strict");
    assertThat(url.masked()).doesNotContain("p@ss").doesNotContain("p%40ss").contains("****");
  }

  @Test
  void a_socket_and_planetscale_style_parameters_are_accepted() {
    assertThat(
            MySqlUrlSyntax.parse("mysql://root@localhost/app?socket=/run/mysqld/mysqld.sock")
                .parameter("socket"))
        .contains("/run/mysqld/mysqld.sock");
    assertThat(
            MySqlUrlSyntax.parse(
                    "mysql://u:p@aws.connect.psdb.cloud/app?sslaccept=strict&connection_limit=1")
                .host())
        .isEqualTo("aws.connect.psdb.cloud");
  }

  @Test
  void rejects_what_prismas_connector_would_not_take_with_a_reason() {
    assertThatThrownBy(() -> MySqlUrlSyntax.parse("mysql://u@h/d?schema=public"))
        .hasMessageContaining("unknown parameter `schema`")
        .hasMessageContaining("the database in the path is the schema");
    assertThatThrownBy(() -> MySqlUrlSyntax.parse("mysql://u@h/d?sslaccept=maybe"))
        .hasMessageContaining("strict or accept_invalid_certs");
    assertThatThrownBy(() -> MySqlUrlSyntax.parse("mysql://u@h/d?connect_timeout=soon"))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> MySqlUrlSyntax.parse("mysql://u@h"))
        .hasMessageContaining("names no database");
    assertThatThrownBy(() -> MySqlUrlSyntax.parse("mariadb://u@h/d"))
        .hasMessageContaining("must start with mysql://");
  }
}
