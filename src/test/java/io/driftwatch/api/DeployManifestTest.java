package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftwatch.testing.StoreDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What deploy/ points at exists: the probe paths of the Kubernetes manifest and the scrape path,
 * and every scrape sends the viewer token /q/metrics needs.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class DeployManifestTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void probe_and_scrape_paths_answer() throws Exception {
    List<String> paths = new ArrayList<>();
    for (String file :
        List.of(
            "deploy/kubernetes/driftwatch.yaml",
            "deploy/kubernetes/driftwatch-servicemonitor.yaml",
            "deploy/compose/prometheus.yml")) {
      Matcher path =
          Pattern.compile("(?:path|metrics_path): (/q/[a-z/]+)")
              .matcher(Files.readString(Path.of(file)));
      while (path.find()) {
        paths.add(path.group(1));
      }
    }
    assertThat(paths)
        .contains("/q/health/ready", "/q/health/live", "/q/health/started", "/q/metrics");
    for (String path : paths) {
      assertThat(given().get(path).statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void the_compose_scrape_sends_a_viewer_token_that_the_compose_file_provides() throws Exception {
    JsonNode scrape =
        documents("deploy/compose/prometheus.yml").get(0).path("scrape_configs").get(0);
    assertThat(scrape.path("metrics_path").asText()).isEqualTo("/q/metrics");
    assertThat(scrape.path("authorization").path("type").asText()).isEqualTo("Bearer");
    Path tokenFile = Path.of(scrape.path("authorization").path("credentials_file").asText());

    JsonNode services = documents("deploy/compose/docker-compose.yml").get(0).path("services");
    String mount = null;
    for (JsonNode volume : services.path("prometheus").path("volumes")) {
      String[] parts = volume.asText().split(":");
      if (tokenFile.startsWith(parts[1])) {
        mount = parts[0];
      }
    }
    assertThat(mount).as("prometheus mounts %s", tokenFile.getParent()).isNotNull();
    JsonNode issuer = services.path("metrics-token");
    assertThat(issuer.path("volumes").get(0).asText()).startsWith(mount + ":");
    String script = issuer.path("command").get(0).asText();
    assertThat(script)
        .contains("/api/v1/tokens")
        .contains("\\\"role\\\": \\\"viewer\\\"")
        .contains("/token/" + tokenFile.getFileName());
  }

  @Test
  void the_kubernetes_scrape_sends_the_viewer_token_of_a_secret_the_example_defines()
      throws Exception {
    JsonNode deployment =
        documents("deploy/kubernetes/driftwatch.yaml").stream()
            .filter(document -> document.path("kind").asText().equals("Deployment"))
            .findFirst()
            .orElseThrow();
    assertThat(
            deployment
                .path("spec")
                .path("template")
                .path("metadata")
                .path("annotations")
                .has("prometheus.io/scrape"))
        .as("annotation scraping cannot send a token")
        .isFalse();
    JsonNode monitor = documents("deploy/kubernetes/driftwatch-servicemonitor.yaml").get(0);
    assertThat(monitor.path("kind").asText()).isEqualTo("ServiceMonitor");
    JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
    assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
    assertThat(endpoint.path("authorization").path("type").asText()).isEqualTo("Bearer");
    JsonNode credentials = endpoint.path("authorization").path("credentials");

    JsonNode secret =
        documents("deploy/kubernetes/driftwatch-secret.example.yaml").stream()
            .filter(
                document ->
                    document
                        .path("metadata")
                        .path("name")
                        .asText()
                        .equals(credentials.path("name").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(secret.path("stringData").has(credentials.path("key").asText())).isTrue();
    JsonNode service =
        documents("deploy/kubernetes/driftwatch.yaml").stream()
            .filter(document -> document.path("kind").asText().equals("Service"))
            .findFirst()
            .orElseThrow();
    assertThat(service.path("spec").path("ports").findValuesAsText("name"))
        .contains(endpoint.path("port").asText());
  }

  @Test
  void the_scrape_path_needs_the_viewer_token_the_manifests_send() {
    given().auth().none().get("/q/metrics").then().statusCode(401);
    String viewer =
        given()
            .contentType(ContentType.JSON)
            .body(
                "{\"name\": \"prometheus-%d\", \"role\": \"viewer\"}".formatted(System.nanoTime()))
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getString("token");
    given().auth().oauth2(viewer).get("/q/metrics").then().statusCode(200);
  }

  private static List<JsonNode> documents(String file) throws IOException {
    return YAML.readValues(YAML.createParser(Path.of(file).toFile()), JsonNode.class).readAll();
  }
}
