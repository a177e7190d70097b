package io.driftwatch.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A global shadow server (DRIFTWATCH_SHADOW_URL) that accepts connections and never answers, with a
 * short connect timeout so that the bound is met fast.
 */
public class SilentShadowServer implements QuarkusTestResourceLifecycleManager {

  /** The connect timeout of the test application. */
  public static final int CONNECT_TIMEOUT_SECONDS = 2;

  private static volatile SilentListener listener;

  /** The silent listener the running test application takes as its shadow server. */
  public static SilentListener listener() {
    return listener;
  }

  @Override
  public Map<String, String> start() {
    listener = SilentListener.start();
    return Map.of(
        "driftwatch.shadow.url", "postgresql://manager:pw@" + listener.address() + "/postgres",
        "driftwatch.shadow.connect-timeout", CONNECT_TIMEOUT_SECONDS + "s");
  }

  @Override
  public void stop() {
    if (listener != null) {
      listener.close();
    }
  }
}
