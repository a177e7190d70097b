package io.driftwatch.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationOrderTest {

  @Test
  void prisma_timestamps_agree_in_both_orders_ok() {
    List<String> names = List.of("20240102000000_b", "20240101000000_a", "20240103000000_c");
    List<String> sorted = MigrationOrder.sortCli(names);
    assertThat(sorted).containsExactly("20240101000000_a", "20240102000000_b", "20240103000000_c");
    assertThat(MigrationOrder.disagreements(sorted)).isEmpty();
  }

  @Test
  void numeric_prefixes_of_different_length_err() {
    List<String> sorted = MigrationOrder.sortCli(List.of("2_z", "10_y", "1_x"));
    assertThat(sorted).containsExactly("1_x", "10_y", "2_z");
    assertThat(MigrationOrder.disagreements(sorted))
        .containsExactly(new MigrationOrder.Disagreement("1_x", "10_y"));
  }

  @Test
  void mixed_case_err() {
    List<String> sorted = MigrationOrder.sortCli(List.of("B_second", "a_first"));
    assertThat(sorted).containsExactly("a_first", "B_second");
    assertThat(MigrationOrder.sortByBytes(List.of("B_second", "a_first")))
        .containsExactly("B_second", "a_first");
    assertThat(MigrationOrder.disagreements(sorted)).hasSize(1);
  }

  @Test
  void punctuation_err() {
    List<String> sorted =
        MigrationOrder.sortCli(List.of("20240101_a-b", "20240101_a_b", "20240101_ab"));
    List<String> bytes = MigrationOrder.sortByBytes(sorted);
    assertThat(bytes).containsExactly("20240101_a-b", "20240101_a_b", "20240101_ab");
    assertThat(sorted).isNotEqualTo(bytes);
    assertThat(MigrationOrder.disagreements(sorted)).isNotEmpty();
  }

  @Test
  void byte_order_is_utf8_byte_order_also_beyond_the_basic_plane() {
    String bmpHigh = "a\uFF21"; // U+FF21, UTF-8 EF BC A1
    String supplementary = "a\uD83D\uDE00"; // U+1F600, UTF-8 F0 9F 98 80
    assertThat(bmpHigh.compareTo(supplementary)).isGreaterThan(0);
    assertThat(MigrationOrder.compareBytes(bmpHigh, supplementary)).isLessThan(0);
    assertThat(
            Arrays.compareUnsigned(
                bmpHigh.getBytes(StandardCharsets.UTF_8),
                supplementary.getBytes(StandardCharsets.UTF_8)))
        .isLessThan(0);
    assertThat(MigrationOrder.compareBytes("ab", "abc")).isLessThan(0);
  }

  @Test
  void identical_names_in_collation_are_ordered_by_bytes() {
    assertThat(MigrationOrder.compareCli("a", "a")).isZero();
    assertThat(MigrationOrder.compareCli("a", "A")).isLessThan(0);
  }
}
