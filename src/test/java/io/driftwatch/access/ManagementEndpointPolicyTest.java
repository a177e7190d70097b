package io.driftwatch.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManagementEndpointPolicyTest {

  @Test
  void nothing_is_public_by_default() {
    Set<String> none = ManagementEndpointPolicy.publicPaths(List.of());
    assertThat(ManagementEndpointPolicy.isPublic(none, "/q/metrics")).isFalse();
    assertThat(ManagementEndpointPolicy.isPublic(none, "/q/openapi")).isFalse();
  }

  @Test
  void a_listed_endpoint_is_public_at_each_of_its_paths_and_nothing_else_is() {
    Set<String> openapi = ManagementEndpointPolicy.publicPaths(List.of("OpenAPI", " "));
    assertThat(openapi).allSatisfy(path -> assertThat(path).startsWith("/q/openapi"));
    assertThat(ManagementEndpointPolicy.isPublic(openapi, "/q/openapi")).isTrue();
    assertThat(ManagementEndpointPolicy.isPublic(openapi, "/q/openapi/")).isTrue();
    assertThat(ManagementEndpointPolicy.isPublic(openapi, "/q/openapi.json")).isTrue();
    assertThat(ManagementEndpointPolicy.isPublic(openapi, "/q/metrics")).isFalse();
    assertThat(ManagementEndpointPolicy.isPublic(openapi, "/q/openapi-x")).isFalse();
  }

  @Test
  void an_unknown_endpoint_stops_the_start_up_and_says_what_can_be_listed() {
    assertThatThrownBy(
            () -> ManagementEndpointPolicy.publicPaths(List.of("metrics", "health-details")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DRIFTWATCH_PUBLIC_ENDPOINTS")
        .hasMessageContaining("`health-details`")
        .hasMessageContaining("metrics and/or openapi");
  }
}
