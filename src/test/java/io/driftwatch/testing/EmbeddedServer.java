package io.driftwatch.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own (zonky's embedded binaries), on a port and data directory
 * fixed at creation, so a test can stop it (a fast shutdown: every session is terminated, as when a
 * database is restarted under its clients) and start it again on the same data. Superuser {@code
 * postgres}, trust authentication. {@link #close()} stops it and deletes its data.
 */
public final class EmbeddedServer implements AutoCloseable {

  private final Path dataDirectory;
  private final int port;
  private final Map<String, String> config;
  private EmbeddedPostgres running;

  private EmbeddedServer(Path dataDirectory, int port, Map<String, String> config) {
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.config = config;
  }

  /**
   * Starts a new server with these server settings ({@code postgres -c key=value}), on a free port.
   */
  public static EmbeddedServer launch(Map<String, String> config) {
    return launch(directory -> config);
  }

  /** Starts a new server with settings that may name files in its {@link #directory()}. */
  public static EmbeddedServer launch(Function<Path, Map<String, String>> config) {
    try {
      Path directory = Files.createTempDirectory("dw-pg");
      EmbeddedServer server =
          new EmbeddedServer(directory, freePort(), new LinkedHashMap<>(config.apply(directory)));
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static EmbeddedServer launch() {
    return launch(Map.of());
  }

  /** Starts the server again on the same port and data directory; nothing if it runs. */
  public synchronized void start() {
    if (running != null) {
      return;
    }
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory.resolve("pgdata"))
              .setCleanDataDirectory(false)
              .setPort(port);
      config.forEach(builder::setServerConfig);
      running = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "the embedded PostgreSQL did not start on port " + port + " in " + dataDirectory, e);
    }
  }

  /** Fast shutdown: terminates every session, then waits until the server is down. */
  public synchronized void stop() {
    if (running == null) {
      return;
    }
    try {
      running.close();
    } catch (IOException e) {
      throw new UncheckedIOException("the embedded PostgreSQL did not stop", e);
    } finally {
      running = null;
    }
  }

  public synchronized boolean isRunning() {
    return running != null;
  }

  public int port() {
    return port;
  }

  /** A directory of this server's that is not its data directory (for log files and the like). */
  public Path directory() {
    return dataDirectory;
  }

  /** This server as the test helpers address one. */
  public TestPostgres.Server server() {
    return new TestPostgres.Server(
        "127.0.0.1", port, "postgres", "", "embedded PostgreSQL on port " + port);
  }

  @Override
  public void close() {
    try {
      stop();
    } finally {
      try (Stream<Path> paths = Files.walk(dataDirectory)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
