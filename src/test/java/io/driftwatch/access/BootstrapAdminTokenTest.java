package io.driftwatch.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapAdminTokenTest {

  @TempDir Path dataDir;

  @Test
  void a_configured_token_is_used_and_nothing_is_written() {
    assertThat(
            BootstrapAdminToken.configured(
                Optional.of("  a-long-enough-admin-token-1234 "), true, dataDir))
        .contains("a-long-enough-admin-token-1234");
    assertThat(dataDir.resolve("admin.token")).doesNotExist();
  }

  @Test
  void a_short_token_is_refused_with_the_command_that_makes_a_good_one() {
    assertThatThrownBy(() -> BootstrapAdminToken.configured(Optional.of("short"), false, dataDir))
        .hasMessageContaining("at least 24")
        .hasMessageContaining("openssl rand");
  }

  @Test
  void the_quick_start_generates_one_owner_only_token_and_keeps_it() throws Exception {
    String first = BootstrapAdminToken.configured(Optional.empty(), true, dataDir).orElseThrow();
    String again = BootstrapAdminToken.configured(Optional.empty(), true, dataDir).orElseThrow();

    assertThat(first).isEqualTo(again).startsWith(TokenSecret.PREFIX);
    assertThat(Files.readString(dataDir.resolve("admin.token")).strip()).isEqualTo(first);
    assertThat(Files.getPosixFilePermissions(dataDir.resolve("admin.token")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void outside_the_quick_start_without_a_token_there_is_none() {
    assertThat(BootstrapAdminToken.configured(Optional.empty(), false, dataDir)).isEmpty();
    assertThat(dataDir.resolve("admin.token")).doesNotExist();
  }
}
