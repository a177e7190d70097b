package io.driftwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deployments in deploy/ replay migrations on a shadow server of their own: not the store,
 * reachable only from driftwatch, with no way out.
 */
class ShadowServerManifestTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void compose_runs_an_empty_shadow_server_on_an_internal_network_the_store_is_not_on()
      throws IOException {
    JsonNode compose = YAML.readTree(Path.of("deploy/compose/docker-compose.yml").toFile());
    JsonNode services = compose.get("services");

    String shadowUrl =
        services.get("driftwatch").get("environment").get("DRIFTWATCH_SHADOW_URL").asText();
    String host = URI.create(shadowUrl.replace("${DRIFTWATCH_SHADOW_PASSWORD}", "pw")).getHost();
    assertThat(host).isEqualTo("shadow").isNotEqualTo("store");
    JsonNode shadow = services.get(host);
    assertThat(shadow.get("networks")).extracting(JsonNode::asText).containsExactly("replay");
    assertThat(compose.get("networks").get("replay").get("internal").asBoolean()).isTrue();
    assertThat(shadow.get("volumes").get(0).get("type").asText())
        .as("no data survives it")
        .isEqualTo("tmpfs");
    assertThat(services.get("store").has("networks"))
        .as("the store stays on the default network only")
        .isFalse();
  }

  @Test
  void kubernetes_runs_a_shadow_server_only_driftwatch_reaches_and_that_reaches_nothing()
      throws IOException {
    List<JsonNode> shadow = documents("deploy/kubernetes/driftwatch-shadow.yaml");
    List<JsonNode> secrets = documents("deploy/kubernetes/driftwatch-secret.example.yaml");

    String shadowUrl =
        secrets.stream()
            .filter(d -> d.get("metadata").get("name").asText().equals("driftwatch"))
            .findFirst()
            .orElseThrow()
            .get("stringData")
            .get("DRIFTWATCH_SHADOW_URL")
            .asText();
    JsonNode service = kind(shadow, "Service");
    assertThat(URI.create(shadowUrl).getHost())
        .isEqualTo(service.get("metadata").get("name").asText());
    JsonNode policy = kind(shadow, "NetworkPolicy").get("spec");
    assertThat(policy.get("policyTypes"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(policy.get("egress")).as("the shadow server connects to nothing").isEmpty();
    assertThat(
            policy
                .get("ingress")
                .get(0)
                .get("from")
                .get(0)
                .get("podSelector")
                .get("matchLabels")
                .get("app.kubernetes.io/name")
                .asText())
        .isEqualTo("driftwatch");
    assertThat(kind(shadow, "Deployment").get("spec").get("template").get("spec").get("volumes"))
        .allSatisfy(
            volume -> assertThat(volume.has("emptyDir")).as("no volume outlives the pod").isTrue());
  }

  private static JsonNode kind(List<JsonNode> documents, String kind) {
    return documents.stream()
        .filter(d -> d.get("kind").asText().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  private static List<JsonNode> documents(String file) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (YAMLParser parser =
        ((YAMLFactory) YAML.getFactory()).createParser(Path.of(file).toFile())) {
      YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
    }
    return documents;
  }
}
