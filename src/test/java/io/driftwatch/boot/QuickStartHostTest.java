package io.driftwatch.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuickStartHostTest {

  @Test
  void the_quick_start_listens_on_loopback_by_default() {
    assertThat(QuickStartHost.choose(true, null, null)).contains("127.0.0.1");
    assertThat(QuickStartHost.choose(true, "", " ")).contains("127.0.0.1");
  }

  @Test
  void a_host_the_user_chose_is_kept() {
    assertThat(QuickStartHost.choose(true, "0.0.0.0", null)).isEmpty();
    assertThat(QuickStartHost.choose(true, null, "192.0.2.10")).isEmpty();
  }

  @Test
  void production_keeps_the_quarkus_default() {
    assertThat(QuickStartHost.choose(false, null, null)).isEmpty();
  }
}
