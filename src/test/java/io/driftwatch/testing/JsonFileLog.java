package io.driftwatch.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * The service's file log in Quarkus' JSON format (the one QUARKUS_LOG_CONSOLE_JSON=true gives the
 * console).
 */
public class JsonFileLog implements QuarkusTestResourceLifecycleManager {

  public static final Path FILE = Path.of("target", "quarkus-json-test.log");

  @Override
  public Map<String, String> start() {
    return Map.of(
        "quarkus.log.file.json",
        "true",
        "quarkus.log.file.path",
        FILE.toString(),
        "quarkus.log.category.\"io.driftwatch.audit\".level",
        "INFO");
  }

  @Override
  public void stop() {}
}
