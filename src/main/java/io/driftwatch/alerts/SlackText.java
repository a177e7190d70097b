package io.driftwatch.alerts;

/**
 * Text for Slack: escaped as Slack asks ({@code &}, {@code <}, {@code >}; control characters, which
 * JSON would multiply by six, become spaces) and cut to a length without splitting an escape, a
 * surrogate pair or, when a boundary is near, a word.
 */
final class SlackText {

  private static final String ELLIPSIS = "…";

  private SlackText() {}

  /**
   * mrkdwn text from a finding, a migration name or an environment: Slack reads {@code <…>} as a
   * link.
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.appendCodePoint(control(c) ? ' ' : c);
              }
            });
    return out.toString();
  }

  /** plain_text: nothing is read as markup, only control characters go. */
  static String plain(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.appendCodePoint(control(c) ? ' ' : c));
    return out.toString();
  }

  private static boolean control(int c) {
    return c != '\n' && Character.getType(c) == Character.CONTROL;
  }

  /** At most {@code max} characters, ending with "…" when cut. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return prefix(text, max - ELLIPSIS.length()) + ELLIPSIS;
  }

  /**
   * At most {@code max} characters; when cut, ends with "… (cut: pointer)" so the reader knows
   * where the rest is.
   */
  static String cutWithPointer(String text, int max, String pointer) {
    if (text.length() <= max) {
      return text;
    }
    String suffix =
        ELLIPSIS + " (cut: " + (pointer == null ? "full text in the report" : pointer) + ")";
    return prefix(text, Math.max(0, max - suffix.length())) + suffix;
  }

  /**
   * The longest clean prefix of at most {@code max} characters: back to a space or comma within the
   * last fifth.
   */
  private static String prefix(String text, int max) {
    int end = Math.max(0, max);
    int boundary = Math.max(text.lastIndexOf(' ', end - 1), text.lastIndexOf('\n', end - 1));
    if (boundary > end * 4 / 5) {
      end = boundary;
    }
    int amp = text.lastIndexOf('&', end - 1);
    if (amp >= 0 && text.indexOf(';', amp) >= end) {
      end = amp; // inside &amp; &lt; &gt;
    }
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    String prefix = text.substring(0, end);
    return prefix.endsWith(",") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }
}
