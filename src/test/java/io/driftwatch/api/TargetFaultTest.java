package io.driftwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Targets that misbehave end the audit with ERROR in bounded time; nothing hangs. */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class TargetFaultTest {

  @Test
  void a_target_that_accepts_and_never_answers_times_out() throws Exception {
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        PrismaFolder folder = PrismaFolder.create().migration("20240101000000_init", "SELECT 1;\n")) {
      Thread acceptor = new Thread(() -> {
        try {
          while (!silent.isClosed()) {
            held.add(silent.accept()); // accept, read nothing, answer nothing
          }
        } catch (java.io.IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();

      String environment = Environments.register("postgresql://u:pw@127.0.0.1:" + silent.getLocalPort() + "/app", folder);
      long start = System.nanoTime();
      JsonPath audit = Environments.audit(environment);
      double seconds = (System.nanoTime() - start) / 1e9;

      assertThat(audit.getString("outcome")).isEqualTo("ERROR");
      assertThat(audit.getString("error.stage")).isEqualTo("DATABASE");
      assertThat(audit.getString("error.message")).contains("127.0.0.1:" + silent.getLocalPort());
      assertThat(seconds).as("bounded by connect + 2 x statement timeout (3 s + 10 s in tests)").isLessThan(20);
      assertThat(held).as("the service did connect").isNotEmpty();
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }
}
