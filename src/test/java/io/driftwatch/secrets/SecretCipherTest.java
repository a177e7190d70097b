package io.driftwatch.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
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
    assertThat(first).isNotEqualTo(second).startsWith("v1:" + cipher.keyId() + ":").doesNotContain("pw@");
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
    byte[] bytes = java.util.Base64.getDecoder().decode(sealed.substring(payload));
    for (int i = 0; i < bytes.length; i++) {
      byte[] flipped = bytes.clone();
      flipped[i] ^= 0x01;
      String tampered = sealed.substring(0, payload) + java.util.Base64.getEncoder().encodeToString(flipped);
      assertThatThrownBy(() -> cipher.decrypt(tampered)).as("byte %d flipped", i).isInstanceOf(SecretException.class);
    }
  }

  @Test
  void only_256_bit_keys() {
    assertThatThrownBy(() -> new SecretCipher(new byte[16])).hasMessageContaining("256 bits");
  }
}
