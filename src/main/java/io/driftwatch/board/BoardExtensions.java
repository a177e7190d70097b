package io.driftwatch.board;

import io.driftwatch.audit.report.MigrationReport;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What the templates write that plain escaping cannot: inline code, with a copy button. */
@TemplateExtension
public final class BoardExtensions {

  private BoardExtensions() {}

  /**
   * Text with its {@code `code`} spans as code, each with a button that copies it: the help of a
   * finding names the exact command or SQL. Everything is escaped first; the spans only wrap
   * escaped text.
   */
  public static RawString codes(String text) {
    return spans(text, true);
  }

  /** Text with its {@code `code`} spans as code, without copy buttons: a finding's message. */
  public static RawString inline(String text) {
    return spans(text, false);
  }

  private static RawString spans(String text, boolean copy) {
    if (text == null) {
      return new RawString("");
    }
    StringBuilder html = new StringBuilder();
    String[] parts = text.split("`", -1);
    for (int i = 0; i < parts.length; i++) {
      boolean code = i % 2 == 1 && i < parts.length - 1;
      String escaped = escape(parts[i]);
      if (code) {
        html.append("<code>").append(escaped).append("</code>");
        if (copy) {
          html.append("<button type=\"button\" class=\"copy\" data-copy=\"")
              .append(escaped)
              .append("\" aria-label=\"Copy this command\">Copy</button>");
        }
      } else {
        html.append(i % 2 == 1 ? "`" : "").append(escaped);
      }
    }
    return new RawString(html.toString());
  }

  /** A value as a URL's query parameter. */
  public static String query(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }

  /** A migration's state as the timeline shows it. */
  public static String shown(MigrationReport migration) {
    return ReportView.state(migration);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
