package io.driftwatch.api;

/** Environment names: what fits in a URL path, a metric label and a Slack message unescaped. */
final class Slug {

  static final String PATTERN = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
  static final String MESSAGE = "must be a slug: 1 to 63 lower-case letters, digits or dashes, not starting or ending with a dash";

  private Slug() {}
}
