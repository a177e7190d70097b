package io.driftwatch.source.git;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;

/**
 * Turns JGit's exceptions into a reason a person can act on, each said once; never includes
 * credentials. It names what failed: the transport (cannot reach, credentials refused, the server
 * failing), the objects (missing or corrupt in the remote's repository), or the repository's
 * address.
 */
final class GitFailures {

  /**
   * An HTTP status line in JGit's messages: {@code http://host/repo.git: 500 Internal Server
   * Error}.
   */
  private static final Pattern HTTP_STATUS =
      Pattern.compile("(?<![\\d.:])([45]\\d\\d) ([A-Z][A-Za-z -]*[a-z])");

  private GitFailures() {}

  static String reason(Throwable failure) {
    List<String> messages = messages(failure);
    String all = String.join(" ", messages);
    String lower = all.toLowerCase(Locale.ROOT);
    if (lower.contains("not authorized")
        || lower.contains("authentication is required")
        || lower.contains("auth fail")
        || lower.contains("no more authentication methods")) {
      return "the credentials were refused (check source.credentials)";
    }
    if (lower.contains("server key")
        || lower.contains("host key")
        || lower.contains("known_hosts")) {
      return "the server's host key does not match source.credentials.sshKnownHosts";
    }
    Matcher status = HTTP_STATUS.matcher(all);
    if (status.find() && status.group(1).startsWith("5")) {
      return "the server failed: it answered "
          + status.group(1)
          + " "
          + status.group(2)
          + " (the host's fault, not"
          + " the URL's nor the credentials'; if it persists, the repository on the server may have lost objects:"
          + " ask its administrators)";
    }
    if (lower.contains("internal server error")
        || lower.contains("missing unknown")
        || lower.contains("missing commit")
        || lower.contains("missing tree")
        || lower.contains("missing blob")
        || lower.contains("corrupt")
        || lower.contains("packfile")
        || lower.contains("invalid pack")) {
      return "the remote has missing or corrupt objects: it failed while sending them ("
          + firstLine(messages.get(0))
          + "); run `git fsck` on the remote's repository, or push the branch again from a complete clone";
    }
    if (causedBy(failure, NoRemoteRepositoryException.class)
        || lower.contains("repository not found")
        || lower.contains("does not appear to be a git repository")
        || lower.contains("not a git repository")) {
      return "no repository at that URL";
    }
    if (lower.contains("timed out") || lower.contains("timeout")) {
      return "the remote did not answer in time";
    }
    if (lower.contains("connection refused")
        || lower.contains("unknownhost")
        || lower.contains("unknown host")
        || lower.contains("cannot open git-upload-pack")
        || lower.contains("connect")) {
      return "cannot reach the remote (" + firstLine(messages.get(messages.size() - 1)) + ")";
    }
    return messages.isEmpty()
        ? failure.getClass().getSimpleName()
        : firstLine(String.join("; ", messages));
  }

  /**
   * The chain's messages, innermost last, each once: JGit wraps a cause in exceptions that repeat
   * its text, often behind the URL ({@code url: text}), which the caller names already.
   */
  private static List<String> messages(Throwable failure) {
    List<String> messages = new ArrayList<>();
    for (Throwable cause = failure;
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      if (cause.getMessage() == null || cause.getMessage().isBlank()) {
        continue;
      }
      String text = withoutUrl(cause.getMessage().strip());
      messages.removeIf(text::contains);
      if (messages.stream().noneMatch(known -> known.contains(text))) {
        messages.add(text);
      }
    }
    return messages;
  }

  private static String withoutUrl(String message) {
    return message.replaceFirst("^[a-z][a-z0-9+.-]*://\\S*?: ", "");
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure;
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String text) {
    String line = RepositoryPaths.maskUrl(text.strip().lines().findFirst().orElse(""));
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
