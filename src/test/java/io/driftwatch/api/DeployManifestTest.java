package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.StoreDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What deploy/ points at exists: the probe paths of the Kubernetes manifest and the scrape path. */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class DeployManifestTest {

  @Test
  void probe_and_scrape_paths_answer() throws Exception {
    List<String> paths = new ArrayList<>();
    for (String file : List.of("deploy/kubernetes/driftwatch.yaml", "deploy/compose/prometheus.yml")) {
      Matcher path = Pattern.compile("(?:path|metrics_path): (/q/[a-z/]+)").matcher(Files.readString(Path.of(file)));
      while (path.find()) {
        paths.add(path.group(1));
      }
    }
    assertThat(paths).contains("/q/health/ready", "/q/health/live", "/q/health/started", "/q/metrics");
    for (String path : paths) {
      assertThat(given().get(path).statusCode()).as(path).isEqualTo(200);
    }
  }
}
