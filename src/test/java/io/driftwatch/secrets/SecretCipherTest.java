package io.driftwatch.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  @Test
  void round_trip_with_random_iv() {
    SecretCipher cipher = new SecretCipher(key(1));
    String first = cipher.encrypt("postgresql://u:pw@h/d");
    String second = cipher.encrypt("postgresql://u:pw@h/d");
    assertThat(first)
        .isNotEqualTo(second)
        .startsWith("v1:" + cipher.keyId() + ":")
        .doesNotContain("pw@");
    assertThat(cipher.decrypt(first)).isEqualTo("postgresql://u:pw@h/d");
  }

  @Test
  void another_key_cannot_open_it_and_says_which_key_it_needs() {
    String sealed = new SecretCipher(key(1)).encrypt("secret");
    SecretCipher other = new SecretCipher(key(2));
    assertThatThrownBy(() -> other.decrypt(sealed))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining(SecretCipher.keyIdOf(key(1)))
        .hasMessageNotContaining("secret\"");
  }

  @Test
  void tampering_is_detected() {
    SecretCipher cipher = new SecretCipher(key(1));
    String sealed = cipher.encrypt("secret");
    int payload = sealed.lastIndexOf(':') + 1;
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(payload));
    for (int i = 0; i < bytes.length; i++) {
      byte[] flipped = bytes.clone();
      flipped[i] ^= 0x01;
      String tampered = sealed.substring(0, payload) + Base64.getEncoder().encodeToString(flipped);
      assertThatThrownBy(() -> cipher.decrypt(tampered))
          .as("byte %d flipped", i)
          .isInstanceOf(SecretException.class);
    }
  }

  @Test
  void only_256_bit_keys() {
    assertThatThrownBy(() -> new SecretCipher(new byte[16])).hasMessageContaining("256 bits");
  }

  @Test
  void a_rotated_keyring_opens_old_secrets_and_reseals_them_under_the_new_key() {
    String old = new SecretCipher(key(1)).encrypt("postgresql://u:pw@h/d");
    SecretCipher rotated = new SecretCipher(key(2), List.of(key(1)));

    assertThat(rotated.decrypt(old)).isEqualTo("postgresql://u:pw@h/d");
    assertThat(rotated.isCurrent(old)).isFalse();
    String resealed = rotated.reseal(old);
    assertThat(resealed).startsWith("v1:" + SecretCipher.keyIdOf(key(2)) + ":");
    assertThat(rotated.isCurrent(resealed)).isTrue();
    assertThat(rotated.reseal(resealed)).isSameAs(resealed);
    assertThat(new SecretCipher(key(2)).decrypt(resealed)).isEqualTo("postgresql://u:pw@h/d");
  }

  @Test
  void without_a_key_nothing_is_sealed_or_opened_and_the_error_says_how_to_configure_one() {
    SecretCipher none = SecretCipher.withoutKey(MasterKey.NO_KEY);
    String sealed = new SecretCipher(key(1)).encrypt("secret");

    assertThat(none.hasKey()).isFalse();
    assertThatThrownBy(() -> none.encrypt("secret"))
        .isInstanceOf(NoMasterKeyException.class)
        .hasMessageContaining("DRIFTWATCH_MASTER_KEY");
    assertThatThrownBy(() -> none.decrypt(sealed)).isInstanceOf(NoMasterKeyException.class);
  }

  @Test
  void a_secret_under_an_unknown_key_names_both_keys() {
    String sealed = new SecretCipher(key(1)).encrypt("secret");
    assertThatThrownBy(() -> new SecretCipher(key(2)).decrypt(sealed))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining(SecretCipher.keyIdOf(key(1)))
        .hasMessageContaining(SecretCipher.keyIdOf(key(2)))
        .hasMessageContaining("DRIFTWATCH_PREVIOUS_MASTER_KEYS");
  }
}
