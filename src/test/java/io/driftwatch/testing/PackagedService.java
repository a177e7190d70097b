package io.driftwatch.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.util.FileUtils;

/**
 * The packaged service (built by {@code mvn package}; the {@code *IT} tests that use it run in
 * {@code mvn verify}) as a process of its own, on a fresh store database of the test server and a
 * data dir of its own, both removed on {@link #close()}. Started ready to serve; it can be killed
 * and started again on the same store.
 */
public final class PackagedService implements AutoCloseable {

  public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
  public static final String ADMIN_TOKEN = "packaged-service-admin-token-0123456789";

  private final ProcessBuilder builder;
  private final TestPostgres.Server server;
  private final String store;
  private final Path dataDir;
  private final int port;
  private Process process;

  private PackagedService(
      ProcessBuilder builder, TestPostgres.Server server, String store, Path dataDir, int port) {
    this.builder = builder;
    this.server = server;
    this.store = store;
    this.dataDir = dataDir;
    this.port = port;
  }

  public static boolean packaged() {
    return Files.exists(JAR);
  }

  /**
   * Starts it with these JVM flags and these settings (environment variables) on top of the ones it
   * needs.
   */
  public static PackagedService start(List<String> jvmFlags, Map<String, String> settings, Path log)
      throws IOException, InterruptedException {
    if (!packaged()) {
      throw new IllegalStateException(
          JAR + " is missing: the process tests run in `mvn verify`, after the package");
    }
    TestPostgres.Server server = TestPostgres.server();
    String store = server.createDatabase("dw_packaged_store");
    Path dataDir = Files.createTempDirectory("dw-packaged-data");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-jar", JAR.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> environment =
        new HashMap<>(
            Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", server.jdbcUrl(store),
                "QUARKUS_DATASOURCE_USERNAME", server.user(),
                "QUARKUS_DATASOURCE_PASSWORD", server.password(),
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "DRIFTWATCH_DATA_DIR", dataDir.toString(),
                "DRIFTWATCH_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]),
                "DRIFTWATCH_ADMIN_TOKEN", ADMIN_TOKEN,
                "DRIFTWATCH_SOURCE_ROOTS", System.getProperty("java.io.tmpdir")));
    environment.putAll(settings);
    builder.environment().putAll(environment);
    PackagedService service = new PackagedService(builder, server, store, dataDir, port);
    try {
      service.launch(log);
      return service;
    } catch (IOException | RuntimeException | InterruptedException e) {
      service.close();
      throw e;
    }
  }

  /** SIGKILL, as a crash or an OOM kill leaves it: no shutdown hook, nothing released. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the service did not die within 30 s of SIGKILL");
    }
  }

  /**
   * Starts it again, once the last process is gone, on the same store, data dir, port and settings.
   */
  public void restart(Path log) throws IOException, InterruptedException {
    if (process.isAlive()) {
      throw new IllegalStateException("the service is still running");
    }
    launch(log);
  }

  private void launch(Path log) throws IOException, InterruptedException {
    process = builder.redirectOutput(log.toFile()).start();
    awaitReady(log);
  }

  private void awaitReady(Path log) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      try {
        if (request().get("/q/health/ready").statusCode() == 200) {
          return;
        }
      } catch (Exception notYet) {
        // starting
      }
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new IllegalStateException("the service did not start: see " + log);
      }
      Thread.sleep(250);
    }
  }

  /** A request to it, as the bootstrap admin. */
  public RequestSpecification request() {
    return given().port(port).auth().oauth2(ADMIN_TOKEN);
  }

  public int port() {
    return port;
  }

  public Process process() {
    return process;
  }

  public TestPostgres.Server server() {
    return server;
  }

  /** Its store database, on {@link #server()}. */
  public String store() {
    return store;
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
    server.dropDatabase(store);
    try {
      FileUtils.delete(dataDir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
