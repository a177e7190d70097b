package io.driftwatch.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundPolicyTest {

  private static final List<String> DEFAULT_DENY =
      List.of(
          "169.254.0.0/16",
          "fe80::/10",
          "fd00:ec2::254/128",
          "100.100.100.200/32",
          "metadata.google.internal");

  @Test
  void metadata_addresses_are_denied_by_default() {
    OutboundPolicy policy = new OutboundPolicy(DEFAULT_DENY, List.of());
    assertThat(policy.refusal("169.254.169.254")).contains("169.254.0.0/16");
    assertThat(policy.refusal("[fd00:ec2::254]")).contains("fd00:ec2::254/128");
    assertThat(policy.refusal("fe80::1")).contains("fe80::/10");
    assertThat(policy.refusal("metadata.google.internal")).contains("metadata.google.internal");
    assertThat(policy.refusal("127.0.0.1")).isNull();
    assertThat(policy.refusal("db.internal.invalid"))
        .as("unresolvable names are left to the connection")
        .isNull();
  }

  @Test
  void an_allow_list_admits_only_what_it_names() {
    OutboundPolicy policy =
        new OutboundPolicy(DEFAULT_DENY, List.of("10.0.0.0/8", "db.example.com"));
    assertThat(policy.refusal("10.1.2.3")).isNull();
    assertThat(policy.refusal("db.example.com")).isNull();
    assertThat(policy.refusal("127.0.0.1")).contains("not on driftwatch.outbound.allow");
  }

  @Test
  void a_bad_rule_is_named() {
    assertThatThrownBy(() -> new OutboundPolicy(List.of("10.0.0.0/x"), List.of()))
        .hasMessageContaining("10.0.0.0/x");
  }
}
