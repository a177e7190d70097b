package io.driftwatch.core.evidence;

import java.time.Instant;

/** A commit: what an audit read, or what explains a finding. */
public record Revision(String sha, String author, Instant date, String subject) {

  public String shortSha() {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }

  /** {@code abc123def456 "subject" (author, date)}: how findings cite a commit. */
  public String cite() {
    return shortSha() + " \"" + subject + "\" (" + author + ", " + date + ")";
  }
}
