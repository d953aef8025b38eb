package io.synapse.plugins.environment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.synapse.plugins.errors.ConfigError;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/** Reads environment entries from TOML, {@code .properties} and {@code .env} files. */
final class EnvironmentFiles {
  private static final TomlMapper TOML = new TomlMapper();
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

  private EnvironmentFiles() {}

  static Map<String, String> read(Path file) {
    String kind = kindOf(file);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw error(file, "cannot read it: " + e.getClass().getSimpleName(), null, e);
    }
    switch (kind) {
      case "toml":
        return readToml(file, text);
      case "properties":
        return readProperties(file, text);
      default:
        return readDotEnv(file, text);
    }
  }

  private static String kindOf(Path file) {
    Path fileName = file.getFileName();
    String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".toml")) {
      return "toml";
    }
    if (name.endsWith(".properties")) {
      return "properties";
    }
    if (name.equals(".env") || name.endsWith(".env")) {
      return "env";
    }
    throw error(file, "unknown format; use a .toml, .properties or .env file", null, null);
  }

  /** Tables become dotted names ({@code [db] host} is {@code db.host}); arrays become comma-separated lists. */
  private static Map<String, String> readToml(Path file, String text) {
    JsonNode root;
    try {
      root = TOML.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      Integer line = location == null || location.getLineNr() < 1 ? null : location.getLineNr();
      throw error(file, "not valid TOML: " + e.getOriginalMessage(), line, e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (root != null) {
      flatten(file, "", root, values);
    }
    return values;
  }

  private static void flatten(Path file, String prefix, JsonNode node, Map<String, String> into) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = prefix + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        flatten(file, name + ".", value, into);
      } else if (value.isArray()) {
        List<String> items = new java.util.ArrayList<>();
        for (JsonNode item : value) {
          if (item.isContainerNode()) {
            throw error(file, "entry " + name + " holds nested arrays or tables, which an environment cannot hold", null, null);
          }
          items.add(item.asText());
        }
        into.put(name, String.join(",", items));
      } else {
        into.put(name, value.asText());
      }
    }
  }

  private static Map<String, String> readProperties(Path file, String text) {
    Properties properties = new Properties();
    try (Reader reader = new StringReader(text)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      // Properties reports a bad \\u escape without its line.
      throw error(file, "not a valid properties file: " + e.getMessage(), null, e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      values.put(name, properties.getProperty(name));
    }
    return values;
  }

  /**
   * {@code NAME=value} lines; blank lines and {@code #} comments are ignored, {@code export } is
   * allowed, values may be double-quoted (with {@code \n}, {@code \t}, {@code \"}, {@code \\} escapes)
   * or single-quoted (literal); an unquoted value is trimmed and ends at {@code " #"}.
   */
  private static Map<String, String> readDotEnv(Path file, String text) {
    Map<String, String> values = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int index = 0; index < lines.length; index++) {
      int lineNumber = index + 1;
      String line = lines[index].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int equals = line.indexOf('=');
      if (equals <= 0) {
        throw error(file, "expected NAME=value", lineNumber, null);
      }
      String name = line.substring(0, equals).strip();
      if (!ENV_NAME.matcher(name).matches()) {
        throw error(file, "invalid name (letters, digits, _ . -, not starting with a digit)", lineNumber, null);
      }
      values.put(name, dotEnvValue(file, line.substring(equals + 1).strip(), lineNumber));
    }
    return values;
  }

  private static String dotEnvValue(Path file, String raw, int lineNumber) {
    if (raw.startsWith("'")) {
      int end = raw.indexOf('\'', 1);
      if (end < 0) {
        throw error(file, "unterminated single-quoted value", lineNumber, null);
      }
      return raw.substring(1, end);
    }
    if (raw.startsWith("\"")) {
      StringBuilder value = new StringBuilder();
      for (int i = 1; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c == '"') {
          return value.toString();
        }
        if (c == '\\' && i + 1 < raw.length()) {
          char next = raw.charAt(++i);
          value.append(switch (next) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> next;
          });
        } else {
          value.append(c);
        }
      }
      throw error(file, "unterminated double-quoted value", lineNumber, null);
    }
    int comment = raw.indexOf(" #");
    return (comment < 0 ? raw : raw.substring(0, comment)).strip();
  }

  private static ConfigError error(Path file, String problem, Integer line, Throwable cause) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("file", file.toString());
    if (line != null) {
      details.put("line", line);
    }
    String where = file + (line == null ? "" : ", line " + line);
    return new ConfigError("Environment file " + where + ": " + problem, details, cause);
  }
}
