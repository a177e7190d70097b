package io.driftwatch.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only a sandbox name of exactly driftwatch's shape is ever dropped by the sweep. */
class MySqlSandboxNamesTest {

  @Test
  void a_stale_sandbox_of_ours_is_swept_and_nothing_else() {
    assertThat(MySqlShadowReplayer.madeBefore("dw_replay_1700000000_0a1b2c3d4e", 1800000000L))
        .isTrue();
    assertThat(MySqlShadowReplayer.madeBefore("dw_replay_1900000000_0a1b2c3d4e", 1800000000L))
        .as("younger than the bound")
        .isFalse();
    assertThat(MySqlShadowReplayer.madeBefore("dw_replay_1_x'; DROP DATABASE shop; --", 9L))
        .as("a name the server lists but driftwatch never made is never written into SQL")
        .isFalse();
    assertThat(MySqlShadowReplayer.madeBefore("dw_replay_17_0a1b2c3d4e_more", 99L)).isFalse();
  }
}
