package io.driftwatch.core.sql;

/**
 * Line and column of offsets asked for in increasing order, found by walking forward from the last
 * one asked: the whole script is walked once. A line ends at LF, CRLF, or a lone CR; columns count
 * code points; a leading byte order mark takes no column.
 */
final class Positions {

  record Position(int line, int column) {}

  private final String text;
  private int offset;
  private int line = 1;
  private int column = 1;

  Positions(String text) {
    this.text = text;
    rewind();
  }

  private void rewind() {
    offset = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
    line = 1;
    column = 1;
  }

  Position of(int target) {
    if (target < offset) {
      rewind(); // not expected from the splitter; correct, only slower
    }
    while (offset < target) {
      char c = text.charAt(offset);
      if (c == '\n'
          || (c == '\r' && (offset + 1 >= text.length() || text.charAt(offset + 1) != '\n'))) {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(c)
          || offset == 0
          || !Character.isHighSurrogate(text.charAt(offset - 1))) {
        column++;
      }
      offset++;
    }
    return new Position(line, column);
  }
}
