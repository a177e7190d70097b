package io.driftwatch.environment;

import java.util.regex.Pattern;

/** Environment names: slugs that fit a URL path, a metric label and a Slack message unescaped. */
public final class EnvironmentName {

  public static final String PATTERN = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
  public static final String RULE =
      "must be a slug: 1 to 63 lower-case letters, digits or dashes, not starting or ending with a dash";

  private static final Pattern SLUG = Pattern.compile(PATTERN);

  private EnvironmentName() {}

  public static boolean valid(String name) {
    return name != null && SLUG.matcher(name).matches();
  }
}
