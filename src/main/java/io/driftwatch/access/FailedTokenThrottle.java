package io.driftwatch.access;

import io.driftwatch.config.DriftwatchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Counts failed authentications per client address, so that guessing tokens costs a window per
 * handful of guesses: after {@code max-failed-attempts} failures within {@code failure-window}, the
 * client is refused for one window, whatever it sends. Held in memory per replica, in a map capped
 * at {@link #TRACKED_CLIENTS} addresses (least recently seen dropped first), so a flood of
 * addresses cannot grow it; every call is a few map operations under a lock, never a wait.
 */
@ApplicationScoped
public class FailedTokenThrottle {

  /** At most this many client addresses are remembered (about 100 bytes each). */
  static final int TRACKED_CLIENTS = 10_000;

  private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

  private final int maxFailures;
  private final long windowNanos;
  private final LongSupplier clock;
  private final Map<String, Failures> clients;

  @Inject
  public FailedTokenThrottle(DriftwatchConfig config) {
    this(
        config.access().maxFailedAttempts(),
        config.access().failureWindow(),
        TRACKED_CLIENTS,
        System::nanoTime);
  }

  FailedTokenThrottle(int maxFailures, Duration window, int trackedClients, LongSupplier clock) {
    if (maxFailures < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(
          "DRIFTWATCH_ACCESS_MAX_FAILED_ATTEMPTS must be at least 1 and "
              + "DRIFTWATCH_ACCESS_FAILURE_WINDOW longer than zero");
    }
    this.maxFailures = maxFailures;
    this.windowNanos = window.toNanos();
    this.clock = clock;
    this.clients =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > trackedClients;
          }
        };
  }

  /** How long {@code client} must still wait, when it is refused now. */
  public Optional<Duration> refusal(String client) {
    String key = key(client);
    long now = clock.getAsLong();
    synchronized (clients) {
      Failures failures = clients.get(key);
      if (failures == null || failures.refusedUntil - now <= 0) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofNanos(failures.refusedUntil - now));
    }
  }

  /** One failed authentication from {@code client}. */
  public void failed(String client) {
    String key = key(client);
    long now = clock.getAsLong();
    synchronized (clients) {
      Failures failures = clients.get(key);
      if (failures == null || now - failures.windowStart >= windowNanos) {
        failures = new Failures(now);
        clients.put(key, failures);
      }
      failures.count++;
      if (failures.count >= maxFailures) {
        failures.refusedUntil = now + windowNanos;
        // The refusal is a window of its own: the next failure after it counts from one again.
        failures.windowStart = now;
        failures.count = 0;
      }
    }
  }

  int trackedClients() {
    synchronized (clients) {
      return clients.size();
    }
  }

  /**
   * The address itself, except for IPv6, where one client usually holds a whole /64 and could
   * otherwise take a fresh address per guess.
   */
  static String key(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return String.valueOf(address);
    }
    String literal = address.replaceFirst("%.*$", "");
    if (!IPV6_LITERAL.matcher(literal).matches()) {
      return address;
    }
    try {
      byte[] bytes =
          InetAddress.getByName(literal)
              .getAddress(); // hex digits and colons: parsed, never looked up
      if (bytes.length != 16) {
        return address;
      }
      return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
    } catch (UnknownHostException | SecurityException e) {
      return address;
    }
  }

  private static final class Failures {
    long windowStart;
    int count;
    long refusedUntil;

    Failures(long windowStart) {
      this.windowStart = windowStart;
      this.refusedUntil = windowStart;
    }
  }
}
