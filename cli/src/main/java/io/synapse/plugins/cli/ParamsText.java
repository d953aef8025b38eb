package io.synapse.plugins.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads params texts ({@code --params}, {@code --params-file}, JSON values of {@code -p}) into plain
 * values, so that every feature of JSON and YAML either binds to what the document means or is refused:
 *
 * <ul>
 *   <li>Text: UTF-8 only (a leading byte-order mark is dropped; UTF-16 and other bytes are refused),
 *       at most {@value #MAX_BYTES} bytes.
 *   <li>JSON (RFC 8259, nothing more): comments, {@code NaN}/{@code Infinity}, single quotes, leading
 *       zeros, text after the value, nesting deeper than 1,000 levels, numbers over 1,000 digits and
 *       strings over 20,000,000 characters are refused with the line and column. Decimals keep every
 *       digit ({@code BigDecimal}).
 *   <li>YAML is read as YAML 1.2 (core schema) by {@link YamlParams}, which lists what it refuses.
 *   <li>Either way, a key given twice, and a string holding an unpaired UTF-16 surrogate, are
 *       violations: one {@link ValidationError} lists every one with its path and line.
 * </ul>
 *
 * <p>Errors name where the text breaks and why, never what it says: a params text may hold secrets.
 * An empty document (or one holding only comments) is no params.
 */
final class ParamsText {
  /** The largest params text read. */
  static final int MAX_BYTES = 32 * 1024 * 1024;
  /** The deepest nesting read (as binding allows). */
  static final int MAX_DEPTH = 1_000;

  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final String DOUBLE_QUOTES = "names and strings need double quotes (\"...\")";
  private static final String TRAILING_COMMA = "a comma before } or ] (JSON has no trailing commas)";
  private static final String PYTHON_LITERALS = "true, false and null are lower case in JSON (True, False and None are Python)";
  private static final List<String> PYTHON_LIKE = List.of(DOUBLE_QUOTES, TRAILING_COMMA, PYTHON_LITERALS);
  // The seeds write params as Python dicts ({'epochs': 10}); YAML would read one, but not as Python means
  // it (None is text there), so it is refused, naming the two ways that work.
  static final String PYTHON_DICT_HINT = ". A Python dict is not JSON: in a shell, write --params '{\"epochs\": 10}'"
      + " (single quotes around the JSON, double quotes inside), or put the params in a YAML file and give --params-file";

  private ParamsText() {}

  /** The params in the file at {@code path}: JSON when it ends in {@code .json}, YAML otherwise. */
  static Object file(Path path) {
    String what = "--params-file " + path;
    if (!Files.isRegularFile(path)) {
      throw CliException.usage(what + " does not exist or is not a file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw CliException.usage(what + " cannot be read: " + e.getClass().getSimpleName());
    }
    String text = decode(bytes, what);
    return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? json(text, what) : yaml(text, what);
  }

  /** The JSON {@code text}; {@code what} names it in errors ({@code --params}, {@code -p tags}). */
  static Object json(String text, String what) {
    return json(text, what, "");
  }

  /** The JSON {@code text} of the field at {@code path} (violation paths start there). */
  static Object json(String text, String what, String path) {
    String body = withoutByteOrderMark(checkedLength(text, what));
    List<Violation> violations = new ArrayList<>();
    Object value = null;
    boolean valueRead = false;
    try (JsonParser parser = JSON.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      value = new JsonReader(parser, violations).value(first, path);
      valueRead = true;
      if (parser.nextToken() != null) {
        throw CliException.usage(what + " is not valid JSON" + at(parser.currentTokenLocation()) + ": there is more text after the value");
      }
    } catch (JsonProcessingException e) {
      String reason = valueRead ? "there is more text after the value" : reason(e.getOriginalMessage(), afterComma(body, e.getLocation()));
      throw CliException.usage(what + " is not valid JSON" + at(e.getLocation()) + ": " + reason
          + (PYTHON_LIKE.contains(reason) && what.equals("--params") ? PYTHON_DICT_HINT : ""));
    } catch (IOException e) {
      throw CliException.usage(what + " cannot be read: " + e.getClass().getSimpleName());
    }
    return checked(value, violations, what);
  }

  /** The YAML {@code text}: see {@link YamlParams}. */
  static Object yaml(String text, String what) {
    List<Violation> violations = new ArrayList<>();
    Object value = YamlParams.read(withoutByteOrderMark(checkedLength(text, what)), what, violations);
    return checked(value, violations, what);
  }

  /** A violation of the text at {@code path} ({@code line} 0 when unknown). */
  static Violation violation(String path, String message, String constraint, int line) {
    return new Violation(path.isEmpty() ? "(root)" : path, message + (line > 0 ? " (line " + line + ")" : ""), constraint);
  }

  /** {@code parent} and a key, as violation paths spell them. */
  static String child(String parent, String key) {
    String name = key.isEmpty() ? "\"\"" : key;
    return parent.isEmpty() ? name : parent + "." + name;
  }

  /** {@code parent} and an index. */
  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** Adds a violation when {@code text} holds a UTF-16 surrogate without its pair (no Unicode text does). */
  static void checkText(String text, String path, int line, List<Violation> violations, String role) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        violations.add(violation(path, role + " holds an unpaired UTF-16 surrogate (\\u" + Integer.toHexString(c)
            + "), which is not text", "UnpairedSurrogate", line));
        return;
      }
    }
  }

  static String duplicateMessage(int firstLine) {
    return "is given twice" + (firstLine > 0 ? " (first on line " + firstLine + ")" : "") + "; a key may appear once";
  }

  private static Object checked(Object value, List<Violation> violations, String what) {
    if (!violations.isEmpty()) {
      throw new ValidationError("params in " + what, violations);
    }
    return value;
  }

  private static String decode(byte[] bytes, String what) {
    if (bytes.length > MAX_BYTES) {
      throw CliException.usage(what + " is over the " + MAX_BYTES + "-byte limit for params");
    }
    if (bytes.length >= 2 && (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF || bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)) {
      throw CliException.usage(what + " is UTF-16 text; save it as UTF-8");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw CliException.usage(what + " is not UTF-8 text; save it as UTF-8");
    }
  }

  private static String checkedLength(String text, String what) {
    if (text.length() > MAX_BYTES) {
      throw CliException.usage(what + " is over the " + MAX_BYTES + "-character limit for params");
    }
    return text;
  }

  private static String withoutByteOrderMark(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() <= 0 ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  // Jackson's messages quote the text; these say what is wrong without it.
  // Whether the last text before where the parser stopped is a comma (a trailing comma, not a missing value).
  private static boolean afterComma(String body, JsonLocation location) {
    long offset = location == null ? -1 : location.getCharOffset();
    for (long i = Math.min(offset, body.length()) - 1; i >= 0; i--) {
      char c = body.charAt((int) i);
      if (!Character.isWhitespace(c)) {
        return c == ',';
      }
    }
    return false;
  }

  private static String reason(String message, boolean afterComma) {
    String m = message == null ? "" : message;
    if (m.contains("comment")) {
      return "comments are not allowed in JSON";
    }
    if (m.contains("NaN") || m.contains("Infinity") || m.contains("INF")) {
      return "NaN and Infinity are not JSON numbers";
    }
    if (m.contains("(code 39)")) {
      return DOUBLE_QUOTES;
    }
    if (afterComma && (m.contains("(code 125)") || m.contains("(code 93)"))) {
      return TRAILING_COMMA;
    }
    if (m.contains("was expecting double-quote")) {
      return DOUBLE_QUOTES;
    }
    if (m.matches("(?s)Unrecognized token '(True|False|None)'.*")) {
      return PYTHON_LITERALS;
    }
    if (m.contains("Leading zeroes")) {
      return "numbers have no leading zeros";
    }
    if (m.contains("nesting depth") || m.contains("Document nesting")) {
      return "nested deeper than " + MAX_DEPTH + " levels";
    }
    if (m.contains("Number value length") || m.contains("Number length")) {
      return "a number longer than 1000 digits";
    }
    if (m.contains("String value length") || m.contains("String length")) {
      return "a string longer than 20,000,000 characters";
    }
    if (m.contains("end-of-input")) {
      return "the text ends before the value does (an unclosed string, array or object?)";
    }
    if (m.contains("CTRL-CHAR") || m.contains("control character")) {
      return "a control character (tab, newline...) inside a string must be escaped";
    }
    return "unexpected text";
  }

  /** Builds plain values from JSON tokens, collecting duplicate keys and unpaired surrogates. */
  private static final class JsonReader {
    private final JsonParser parser;
    private final List<Violation> violations;

    JsonReader(JsonParser parser, List<Violation> violations) {
      this.parser = parser;
      this.violations = violations;
    }

    Object value(JsonToken token, String path) throws IOException {
      int line = parser.currentTokenLocation().getLineNr();
      switch (token) {
        case START_OBJECT -> {
          Map<String, Object> map = new LinkedHashMap<>();
          Map<String, Integer> lines = new HashMap<>();
          for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
            String key = parser.currentName();
            int keyLine = parser.currentTokenLocation().getLineNr();
            String childPath = child(path, key);
            checkText(key, childPath, keyLine, violations, "the key");
            Object item = value(parser.nextToken(), childPath);
            Integer first = lines.putIfAbsent(key, keyLine);
            if (first != null) {
              violations.add(violation(childPath, duplicateMessage(first), "DuplicateKey", keyLine));
            } else {
              map.put(key, item);
            }
          }
          return map;
        }
        case START_ARRAY -> {
          List<Object> list = new ArrayList<>();
          for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
            list.add(value(next, index(path, list.size())));
          }
          return list;
        }
        case VALUE_STRING -> {
          String text = parser.getText();
          checkText(text, path, line, violations, "the value");
          return text;
        }
        case VALUE_NUMBER_INT -> {
          return switch (parser.getNumberType()) {
            case INT -> parser.getIntValue();
            case LONG -> parser.getLongValue();
            default -> parser.getBigIntegerValue();
          };
        }
        case VALUE_NUMBER_FLOAT -> {
          return parser.getDecimalValue();
        }
        case VALUE_TRUE -> {
          return Boolean.TRUE;
        }
        case VALUE_FALSE -> {
          return Boolean.FALSE;
        }
        case VALUE_NULL -> {
          return null;
        }
        default -> throw CliException.usage("unexpected JSON token " + token);
      }
    }
  }
}
