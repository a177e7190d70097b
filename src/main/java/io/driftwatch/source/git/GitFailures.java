package io.driftwatch.source.git;

import java.util.Locale;

/** Turns JGit's exceptions into a reason a person can act on; never includes credentials. */
final class GitFailures {

  private GitFailures() {}

  static String reason(Throwable failure) {
    StringBuilder messages = new StringBuilder();
    for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        messages.append(cause.getMessage()).append(' ');
      }
    }
    String all = messages.toString();
    String lower = all.toLowerCase(Locale.ROOT);
    if (lower.contains("not authorized") || lower.contains("authentication is required")
        || lower.contains("auth fail") || lower.contains("no more authentication methods")) {
      return "the credentials were refused (check source.credentials)";
    }
    if (lower.contains("server key") || lower.contains("host key") || lower.contains("known_hosts")) {
      return "the server's host key does not match source.credentials.sshKnownHosts";
    }
    if (lower.contains("not found") || lower.contains("does not appear to be a git repository")
        || lower.contains("not a git repository") || lower.contains("repository not found")) {
      return "no repository at that URL";
    }
    if (lower.contains("timed out") || lower.contains("timeout")) {
      return "the remote did not answer in time";
    }
    if (lower.contains("connection refused") || lower.contains("unknownhost") || lower.contains("unknown host")
        || lower.contains("cannot open git-upload-pack") || lower.contains("connect")) {
      return "the remote is unreachable (" + firstLine(all) + ")";
    }
    return firstLine(all.isBlank() ? failure.getClass().getSimpleName() : all);
  }

  private static String firstLine(String text) {
    String line = RepositoryPaths.maskUrl(text.strip().lines().findFirst().orElse(""));
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
