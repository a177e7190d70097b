package io.driftwatch.source.git;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a git URL says about where credentials may go: its origin (scheme, host, port), the
 * credentials it must never hold itself (user info, token-like query parameters), and its masked
 * form for anything a person or a log reads.
 */
public final class GitUrls {

  private GitUrls() {}

  private static final Pattern SCP_LIKE =
      Pattern.compile("^[A-Za-z0-9._-]+@([A-Za-z0-9.-]+):[^/].*$");

  /**
   * {@code scheme://userinfo@}: the user info runs to the last {@code @} before the path, query or
   * fragment.
   */
  private static final Pattern USER_INFO =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^/?#\\s]*)@");

  private static final Pattern PARAMETER =
      Pattern.compile("([?&;#])([^=&;#?\\s]+)=([^&;#\\s`'\"<>]*)");
  private static final String MASK = "****";

  /** Names that are a credential wherever they appear in a parameter name. */
  private static final String[] SECRET_PARTS = {
    "token",
    "secret",
    "passw",
    "passphrase",
    "pwd",
    "apikey",
    "api_key",
    "access_key",
    "private_key",
    "credential",
    "signature",
    "bearer",
    "authorization",
    "jwt",
    "session"
  };

  /** Short names that are a credential only on their own. */
  private static final Set<String> SECRET_NAMES =
      Set.of("pass", "key", "sig", "auth", "sid", "code");

  /**
   * Where a URL's credentials may be sent: scheme, host and port, with default ports filled in and
   * case folded. A scp-like {@code git@host:org/repo} is ssh on port 22.
   */
  public record Origin(String scheme, String host, int port) {

    static Origin of(String scheme, String host, int port) {
      String lowerScheme = scheme == null ? "ssh" : scheme.toLowerCase(Locale.ROOT);
      String lowerHost =
          host == null ? "" : host.toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
      return new Origin(lowerScheme, lowerHost, port > 0 ? port : defaultPort(lowerScheme));
    }

    boolean plainHttp() {
      return scheme.equals("http");
    }

    private static int defaultPort(String scheme) {
      return switch (scheme) {
        case "http" -> 80;
        case "https" -> 443;
        case "ssh", "git+ssh", "ssh+git" -> 22;
        case "git" -> 9418;
        default -> -1;
      };
    }
  }

  /** The URL's origin, or null when it names none that can be compared. */
  public static Origin origin(String url) {
    if (url == null) {
      return null;
    }
    Matcher scp = SCP_LIKE.matcher(url);
    if (scp.matches()) {
      return Origin.of("ssh", scp.group(1), -1);
    }
    int separator = url.indexOf("://");
    if (separator <= 0) {
      return null;
    }
    String authority = authority(url, separator);
    String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
    String host = hostAndPort;
    int port = -1;
    int colon = hostAndPort.lastIndexOf(':');
    if (colon >= 0 && colon > hostAndPort.lastIndexOf(']')) {
      host = hostAndPort.substring(0, colon);
      String digits = hostAndPort.substring(colon + 1);
      if (!digits.isEmpty()) {
        if (!digits.matches("[0-9]{1,5}")) {
          return null;
        }
        port = Integer.parseInt(digits);
      }
    }
    return Origin.of(url.substring(0, separator), host, port);
  }

  /**
   * Whether credentials stored for {@code before} may be used for {@code after}: same scheme, host
   * and port. Another repository on the same server keeps them; anything else drops them.
   */
  public static boolean sameOrigin(String before, String after) {
    Origin origin = origin(before);
    return origin != null && origin.equals(origin(after));
  }

  /** Whether the URL is plain http, where a token would travel in clear. */
  public static boolean plainHttp(String url) {
    Origin origin = origin(url);
    return origin != null && origin.plainHttp();
  }

  /**
   * What in {@code url} is a credential, described without its value ("a password before `@`"), or
   * null when it holds none. A user name without a password stays valid for ssh ({@code
   * ssh://git@host/…}, {@code git@host:org/repo}): it names the account the key belongs to.
   */
  public static String credentialIn(String url) {
    if (url == null) {
      return null;
    }
    int separator = url.indexOf("://");
    if (separator > 0) {
      String scheme = url.substring(0, separator);
      String authority = authority(url, separator);
      int at = authority.lastIndexOf('@');
      if (at >= 0) {
        String userInfo = authority.substring(0, at);
        if (userInfo.contains(":")) {
          return "a password before `@`";
        }
        if (!ssh(scheme)) {
          return "a user name or token before `@`";
        }
      }
    }
    Matcher parameter = PARAMETER.matcher(url);
    while (parameter.find()) {
      if (secretParameter(parameter.group(2))) {
        return "a token-like query parameter";
      }
    }
    return null;
  }

  /**
   * {@code text} with every credential a git URL in it can hold masked: a password in the user
   * info, any user info of http and https (where it is a token; an ssh user name is no secret) and
   * token-like query parameters. For a URL alone or a message quoting URLs; safe on text holding
   * none, and on text already masked ({@code postgresql://user:****@host} stays as it is).
   */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    Matcher userInfo = USER_INFO.matcher(text);
    StringBuilder masked = new StringBuilder();
    while (userInfo.find()) {
      String info = userInfo.group(2);
      boolean alreadyMasked = info.equals(MASK) || info.endsWith(":" + MASK);
      boolean secret = !alreadyMasked && (info.contains(":") || httpScheme(userInfo.group(1)));
      userInfo.appendReplacement(
          masked,
          Matcher.quoteReplacement(
              secret ? userInfo.group(1) + "://" + MASK + "@" : userInfo.group()));
    }
    userInfo.appendTail(masked);
    Matcher parameter = PARAMETER.matcher(masked.toString());
    StringBuilder result = new StringBuilder();
    while (parameter.find()) {
      parameter.appendReplacement(
          result,
          Matcher.quoteReplacement(
              secretParameter(parameter.group(2))
                  ? parameter.group(1) + parameter.group(2) + "=" + MASK
                  : parameter.group()));
    }
    parameter.appendTail(result);
    return result.toString();
  }

  /**
   * Whether a query parameter's name says its value is a credential; {@code ref}, {@code service}
   * and the like are not.
   */
  static boolean secretParameter(String name) {
    String normal;
    try {
      normal = URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      normal = name;
    }
    normal = normal.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    if (SECRET_NAMES.contains(normal)
        || normal.endsWith("_key")
        || normal.endsWith("_auth")
        || normal.startsWith("auth_")) {
      return true;
    }
    for (String part : SECRET_PARTS) {
      if (normal.contains(part)) {
        return true;
      }
    }
    return false;
  }

  private static boolean httpScheme(String scheme) {
    String lower = scheme.toLowerCase(Locale.ROOT);
    return lower.equals("http") || lower.equals("https");
  }

  private static boolean ssh(String scheme) {
    String lower = scheme.toLowerCase(Locale.ROOT);
    return lower.equals("ssh") || lower.equals("git+ssh") || lower.equals("ssh+git");
  }

  /** The authority of {@code scheme://authority/…}: up to the path, query or fragment. */
  private static String authority(String url, int separator) {
    int start = separator + 3;
    int end = url.length();
    for (char stop : new char[] {'/', '?', '#'}) {
      int index = url.indexOf(stop, start);
      if (index >= 0 && index < end) {
        end = index;
      }
    }
    return url.substring(start, end);
  }
}
