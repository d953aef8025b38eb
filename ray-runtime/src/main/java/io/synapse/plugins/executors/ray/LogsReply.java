package io.synapse.plugins.executors.ray;

import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;

/**
 * Reads the dashboard's reply to {@code GET /api/jobs/<id>/logs}, {@code {"logs": "<the whole log>"}}, one
 * line at a time as it arrives, so that a long log is never held whole: each line of the {@code logs}
 * string, with its line break, goes to a consumer (a line longer than the piece size goes in pieces of
 * that size, the last one with the break). Other members of the object are skipped.
 */
final class LogsReply {
  private static final int MAX_KEY = 256;

  /** The reply is not the JSON object the dashboard sends. */
  static final class Malformed extends IOException {
    private static final long serialVersionUID = 1L;

    Malformed(String why) {
      super(why);
    }
  }

  private final Reader in;
  private final int maxPiece;
  private int peeked = -2;

  private LogsReply(Reader in, int maxPiece) {
    this.in = in;
    this.maxPiece = maxPiece;
  }

  /**
   * Sends every line of the reply's {@code logs} to {@code lines}, in order, each with its line break (a last
   * line without one is sent as it is), in pieces of at most {@code maxPiece} characters. A {@code null} or
   * missing {@code logs} sends nothing.
   *
   * @throws Malformed when the reply is not a JSON object whose {@code logs} is a string or null
   */
  static void read(Reader reply, int maxPiece, Consumer<String> lines) throws IOException {
    new LogsReply(reply, maxPiece).object(lines);
  }

  private void object(Consumer<String> lines) throws IOException {
    expect('{');
    if (peekSkippingSpace() == '}') {
      next();
      return;
    }
    while (true) {
      expect('"');
      String key = key();
      expect(':');
      if (key.equals("logs")) {
        int first = peekSkippingSpace();
        if (first == '"') {
          next();
          logs(lines);
        } else if (first == 'n') {
          literal("null");
        } else {
          throw new Malformed("its 'logs' is not a string");
        }
      } else {
        skipValue();
      }
      int separator = nextSkippingSpace();
      if (separator == '}') {
        break;
      }
      if (separator != ',') {
        throw new Malformed("expected ',' or '}' in the object, found " + describe(separator));
      }
    }
    if (nextSkippingSpace() != -1) {
      throw new Malformed("text follows the object");
    }
  }

  private String key() throws IOException {
    StringBuilder key = new StringBuilder();
    int c;
    while ((c = next()) != '"') {
      if (c == -1) {
        throw new Malformed("the reply ends inside a key");
      }
      if (c == '\\') {
        c = escape();
      }
      if (key.length() >= MAX_KEY) {
        throw new Malformed("a key longer than " + MAX_KEY + " characters");
      }
      key.append((char) c);
    }
    return key.toString();
  }

  private void logs(Consumer<String> lines) throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int c = next();
      if (c == -1) {
        throw new Malformed("the reply ends inside 'logs'");
      }
      if (c == '"') {
        if (line.length() > 0) {
          lines.accept(line.toString());
        }
        return;
      }
      if (c == '\\') {
        c = escape();
      }
      line.append((char) c);
      if (c == '\n' || line.length() >= maxPiece) {
        lines.accept(line.toString());
        line.setLength(0);
      }
    }
  }

  private int escape() throws IOException {
    int c = next();
    switch (c) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case '"':
      case '\\':
      case '/':
        return c;
      case 'u': {
        int value = 0;
        for (int i = 0; i < 4; i++) {
          int digit = Character.digit(next(), 16);
          if (digit < 0) {
            throw new Malformed("a malformed \\u escape");
          }
          value = value * 16 + digit;
        }
        return value;
      }
      default:
        throw new Malformed("an unknown escape \\" + describe(c));
    }
  }

  private void skipValue() throws IOException {
    int c = peekSkippingSpace();
    if (c == '"') {
      next();
      skipString();
    } else if (c == '{' || c == '[') {
      int depth = 0;
      do {
        int d = next();
        if (d == -1) {
          throw new Malformed("the reply ends inside a value");
        } else if (d == '"') {
          skipString();
        } else if (d == '{' || d == '[') {
          depth++;
        } else if (d == '}' || d == ']') {
          depth--;
        }
      } while (depth > 0);
    } else {
      // A number, true, false or null: up to the next separator.
      while (c != -1 && c != ',' && c != '}' && !Character.isWhitespace(c)) {
        next();
        c = peek();
      }
    }
  }

  private void skipString() throws IOException {
    int c;
    while ((c = next()) != '"') {
      if (c == -1) {
        throw new Malformed("the reply ends inside a string");
      }
      if (c == '\\') {
        escape();
      }
    }
  }

  private void literal(String word) throws IOException {
    for (int i = 0; i < word.length(); i++) {
      if (next() != word.charAt(i)) {
        throw new Malformed("expected " + word);
      }
    }
  }

  private void expect(char wanted) throws IOException {
    int c = nextSkippingSpace();
    if (c != wanted) {
      throw new Malformed("expected '" + wanted + "', found " + describe(c));
    }
  }

  private int nextSkippingSpace() throws IOException {
    int c;
    do {
      c = next();
    } while (c != -1 && Character.isWhitespace(c));
    return c;
  }

  private int peekSkippingSpace() throws IOException {
    int c = peek();
    while (c != -1 && Character.isWhitespace(c)) {
      next();
      c = peek();
    }
    return c;
  }

  private int peek() throws IOException {
    if (peeked == -2) {
      peeked = in.read();
    }
    return peeked;
  }

  private int next() throws IOException {
    int c = peek();
    peeked = -2;
    return c;
  }

  private static String describe(int c) {
    return c == -1 ? "the end of the reply" : "'" + (char) c + "'";
  }
}
