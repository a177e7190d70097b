package io.driftwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.SilentListener;
import io.driftwatch.testing.StoreDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** Targets that misbehave end the audit with ERROR in bounded time; nothing hangs. */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class TargetFaultTest {

  @Test
  void a_target_that_accepts_and_never_answers_times_out() throws Exception {
    try (SilentListener silent = SilentListener.start();
        PrismaFolder folder =
            PrismaFolder.create().migration("20240101000000_init", "SELECT 1;\n")) {
      String environment =
          Environments.register("postgresql://u:pw@127.0.0.1:" + silent.port() + "/app", folder);
      long start = System.nanoTime();
      JsonPath audit = Environments.audit(environment);
      double seconds = (System.nanoTime() - start) / 1e9;

      assertThat(audit.getString("outcome")).isEqualTo("ERROR");
      assertThat(audit.getString("error.stage")).isEqualTo("DATABASE");
      assertThat(audit.getString("error.message")).contains("127.0.0.1:" + silent.port());
      assertThat(seconds)
          .as("bounded by connect + 2 x statement timeout (3 s + 10 s in tests)")
          .isLessThan(20);
      assertThat(silent.accepted() > 0).as("the service did connect").isTrue();
    }
  }
}
