package io.driftwatch.shadow;

import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure.Cause;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PostgreSQL's answer to a replayed script as whose fault it is: the script's own error (what
 * Prisma's shadow database would say too), or the sandbox's refusal (a privilege, a limit, an
 * extension it cannot install). The error text is kept, users need it, but cut to a bounded length
 * and stripped of control characters: it goes into reports, Slack messages and Markdown.
 */
final class ReplayErrors {

  /** The longest error text a report carries. */
  static final int MAX_ERROR_LENGTH = 500;

  /**
   * What the sandbox's limits raise: a statement or lock timeout or a cancel (57014, 55P03),
   * temporary files over temp_file_limit (53400), the server out of disk or memory (53100, 53200),
   * the stack depth limit (54001), the session ended (57P01-57P03, 25P03 idle in transaction).
   */
  private static final Set<String> LIMITS =
      Set.of(
          "57014", "55P03", "53400", "53100", "53200", "54001", "57P01", "57P02", "57P03", "25P03");

  private static final Pattern UNTRUSTED =
      Pattern.compile("permission denied to create extension \"([^\"]+)\"");
  private static final Pattern NOT_AVAILABLE =
      Pattern.compile("extension \"([^\"]+)\" is not available");
  private static final Pattern NO_CONTROL_FILE =
      Pattern.compile("extension control file \"[^\"]*/([^\"/]+)\\.control\"");

  private ReplayErrors() {}

  static ReplayFailure of(String migration, String sqlState, String message) {
    String state = sqlState == null ? "" : sqlState;
    String error = bounded(message);
    String extension = extension(message);
    if (extension != null) {
      return new ReplayFailure(migration, state, error, Cause.EXTENSION_UNAVAILABLE, extension);
    }
    if (state.equals("42501") || LIMITS.contains(state)) { // 42501: insufficient_privilege
      return new ReplayFailure(migration, state, error, Cause.REFUSED, "");
    }
    return new ReplayFailure(migration, state, error, Cause.SCRIPT_ERROR, "");
  }

  /** A script the guard kept from the server. */
  static ReplayFailure notSent(String migration, String reason) {
    return new ReplayFailure(migration, "", bounded(reason), Cause.NOT_SENT, "");
  }

  /** A script still running when the replay's time was up. */
  static ReplayFailure timedOut(String migration, Duration timeout) {
    return new ReplayFailure(
        migration,
        "",
        "it did not finish within "
            + timeout.toSeconds()
            + " s (driftwatch.shadow.timeout): its session was cancelled, then ended",
        Cause.REFUSED,
        "");
  }

  private static String extension(String message) {
    if (message == null) {
      return null;
    }
    for (Pattern pattern : new Pattern[] {UNTRUSTED, NOT_AVAILABLE, NO_CONTROL_FILE}) {
      Matcher matcher = pattern.matcher(message);
      if (matcher.find()) {
        return matcher.group(1);
      }
    }
    return null;
  }

  /** One line of at most {@link #MAX_ERROR_LENGTH} characters. */
  static String bounded(String message) {
    if (message == null || message.isBlank()) {
      return "no error message";
    }
    StringBuilder text = new StringBuilder(Math.min(message.length(), MAX_ERROR_LENGTH + 1));
    for (int i = 0; i < message.length() && text.length() <= MAX_ERROR_LENGTH; i++) {
      char c = message.charAt(i);
      text.append(Character.isISOControl(c) ? ' ' : c);
    }
    return text.length() > MAX_ERROR_LENGTH
        ? text.substring(0, MAX_ERROR_LENGTH - 1) + "…"
        : text.toString();
  }
}
