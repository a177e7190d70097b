package io.driftwatch.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class MigrationScriptTest {

  @Test
  void checksum_vectors_from_the_semantics() {
    assertThat(MigrationScript.of("hello").checksum())
        .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    assertThat(MigrationScript.of("SELECT 1;\n").checksum())
        .isEqualTo("b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd");
  }

  @Test
  void matches_ok_same_script() {
    assertThat(
            MigrationScript.of("SELECT 1;\n")
                .matches("b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd"))
        .isTrue();
  }

  @Test
  void matches_err_other_script() {
    assertThat(
            MigrationScript.of("SELECT 2;\n")
                .matches("b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd"))
        .isFalse();
  }

  @Test
  void legacy_unpadded_checksum_ok() {
    assertThat(
            MigrationScript.of("SELECT 1;\n")
                .matches("b4e049784e46eabb8c31975b62152d551bac49c3c2e80932567b485dcd"))
        .isTrue();
    assertThat(MigrationScript.legacyHex(new byte[] {0x0b, 0x00, (byte) 0xff})).isEqualTo("b0ff");
  }

  @Test
  void legacy_unpadded_checksum_err_other_script() {
    assertThat(
            MigrationScript.of("SELECT 2;\n")
                .matches("b4e049784e46eabb8c31975b62152d551bac49c3c2e80932567b485dcd"))
        .isFalse();
  }

  @Test
  void crlf_file_matches_row_written_from_lf_ok() {
    String lfChecksum = MigrationScript.of("SELECT 1;\nSELECT 2;\n").checksum();
    assertThat(MigrationScript.of("SELECT 1;\r\nSELECT 2;\r\n").matches(lfChecksum)).isTrue();
  }

  @Test
  void lf_file_matches_row_written_from_crlf_ok() {
    String crlfChecksum = MigrationScript.of("SELECT 1;\r\nSELECT 2;\r\n").checksum();
    assertThat(MigrationScript.of("SELECT 1;\nSELECT 2;\n").matches(crlfChecksum)).isTrue();
  }

  @Test
  void naive_lf_to_crlf_turns_existing_crlf_into_cr_cr_lf() {
    String crCrLf = MigrationScript.of("a\r\r\nb\r\n").checksum();
    assertThat(MigrationScript.of("a\r\nb\n").matches(crCrLf)).isTrue();
  }

  @Test
  void crlf_err_other_content_still_differs() {
    String lfChecksum = MigrationScript.of("SELECT 1;\n").checksum();
    assertThat(MigrationScript.of("SELECT 1 ;\r\n").matches(lfChecksum)).isFalse();
  }

  @Test
  void bom_is_hashed_as_part_of_the_text() {
    byte[] withBom = "\uFEFFSELECT 1;\n".getBytes(StandardCharsets.UTF_8);
    MigrationScript script = MigrationScript.fromBytes(withBom);
    assertThat(script.validUtf8()).isTrue();
    assertThat(script.matches(MigrationScript.of("SELECT 1;\n").checksum())).isFalse();
    assertThat(script.checksum()).isEqualTo(MigrationScript.of("\uFEFFSELECT 1;\n").checksum());
  }

  @Test
  void invalid_utf8_is_flagged_and_hashed_as_lossy_text() {
    byte[] latin1 = "SELECT 'café';\n".getBytes(StandardCharsets.ISO_8859_1);
    MigrationScript script = MigrationScript.fromBytes(latin1);
    assertThat(script.validUtf8()).isFalse();
    assertThat(script.checksum()).isEqualTo(MigrationScript.of("SELECT 'caf\uFFFD';\n").checksum());
  }

  @Test
  void empty_or_missing_stored_checksum_never_matches() {
    assertThat(MigrationScript.of("").matches("")).isFalse();
    assertThat(MigrationScript.of("").matches(null)).isFalse();
  }

  @Test
  void the_text_is_kept_once_as_its_bytes_and_decoded_on_each_read() {
    byte[] raw = "SELECT 'é';\n".getBytes(StandardCharsets.UTF_8);
    MigrationScript script = MigrationScript.fromBytes(raw);

    assertThat(script.validUtf8()).isTrue();
    assertThat(script.size()).isEqualTo(raw.length);
    assertThat(script.sql()).isEqualTo("SELECT 'é';\n").isNotSameAs(script.sql());
    assertThat(script)
        .isEqualTo(MigrationScript.of("SELECT 'é';\n"))
        .hasSameHashCodeAs(MigrationScript.of("SELECT 'é';\n"));
    assertThat(script).isNotEqualTo(MigrationScript.of("SELECT 'e';\n"));
  }

  @Test
  void invalid_utf8_anywhere_in_a_long_script_is_found_as_the_whole_text_decoder_found_it() {
    byte[] raw = ("SELECT 1;\n".repeat(10_000) + "x").getBytes(StandardCharsets.UTF_8);
    raw[raw.length - 1] = (byte) 0xC3; // a truncated two-byte sequence, at the very end
    assertThat(MigrationScript.fromBytes(raw).validUtf8()).isFalse();
    raw[raw.length - 1] = 'x';
    raw[50_000] = (byte) 0xFF;
    assertThat(MigrationScript.fromBytes(raw).validUtf8()).isFalse();
  }

  @Test
  void a_released_script_keeps_its_checksum_and_hands_its_text_back() {
    MigrationScript script = MigrationScript.of("SELECT 1;\n");
    String checksum = script.checksum();
    script.release();

    assertThat(script.checksum()).isEqualTo(checksum);
    assertThat(script.size()).isEqualTo(10);
    assertThat(script.matches(checksum)).isTrue();
    Assertions.assertThatThrownBy(script::sql)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("released when its audit ended");
  }
}
