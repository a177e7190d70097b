package io.driftwatch.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @TempDir Path dataDir;

  @Test
  void a_configured_key_is_used_and_nothing_is_written() {
    SecretCipher cipher = MasterKey.cipherFor(KEY, List.of(), false, dataDir);
    assertThat(cipher.keyId()).isEqualTo(SecretCipher.keyIdOf(new byte[32]));
    assertThat(dataDir.resolve("master.key")).doesNotExist();
  }

  @Test
  void outside_the_quick_start_no_key_means_no_secrets_are_stored() {
    SecretCipher cipher = MasterKey.cipherFor(null, List.of(), false, dataDir);
    assertThat(cipher.hasKey()).isFalse();
    assertThatThrownBy(() -> cipher.encrypt("postgresql://u:p@h/d"))
        .isInstanceOf(NoMasterKeyException.class);
    assertThat(dataDir.resolve("master.key")).doesNotExist();
  }

  @Test
  void the_quick_start_generates_one_key_kept_owner_only_and_reuses_it() throws Exception {
    SecretCipher first = MasterKey.cipherFor(null, List.of(), true, dataDir);
    SecretCipher again = MasterKey.cipherFor(null, List.of(), true, dataDir);

    Path file = dataDir.resolve("master.key");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(again.keyId()).isEqualTo(first.keyId());
    assertThat(again.decrypt(first.encrypt("x"))).isEqualTo("x");
  }

  @Test
  void a_malformed_key_is_refused_with_the_command_that_makes_one() {
    assertThatThrownBy(() -> MasterKey.cipherFor("not base64!", List.of(), false, dataDir))
        .hasMessageContaining("openssl rand -base64 32");
    assertThatThrownBy(
            () ->
                MasterKey.cipherFor(
                    Base64.getEncoder().encodeToString(new byte[16]), List.of(), false, dataDir))
        .hasMessageContaining("256 bits");
  }
}
