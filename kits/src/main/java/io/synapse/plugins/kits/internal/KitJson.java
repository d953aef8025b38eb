package io.synapse.plugins.kits.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON-like values (maps, lists, strings, numbers, booleans, null) as the kits pass them around, read
 * and written through Jackson trees; never binds to user types.
 */
public final class KitJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final TypeReference<Object> ANY = new TypeReference<>() {};

  private KitJson() {}

  /** The shared mapper (trees only). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses JSON text into a JSON-like value. */
  public static Object parse(String text) throws JsonProcessingException {
    return MAPPER.readValue(text, ANY);
  }

  /** Parses YAML text into a JSON-like value. */
  public static Object parseYaml(String text) throws JsonProcessingException {
    return YAML.readValue(text, ANY);
  }

  /** A JSON-like value as a tree. */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** A tree as a JSON-like value. */
  public static Object value(JsonNode node) {
    return MAPPER.convertValue(node, ANY);
  }

  /** Compact JSON text. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON-like value: " + e.getOriginalMessage(), e);
    }
  }

  /** Indented JSON text ending in a newline. */
  public static String writePretty(Object value) {
    try {
      return PRETTY.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON-like value: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads a JSON file as a map. */
  public static Map<String, Object> readMap(Path file) throws IOException {
    Object value = parse(Files.readString(file, StandardCharsets.UTF_8));
    if (!(value instanceof Map<?, ?>)) {
      throw new IOException(file + " does not hold a JSON object");
    }
    return asMap(value);
  }

  /** Writes {@code value} as indented JSON to {@code file} atomically (a sibling temporary file, then a move). */
  public static void writeAtomically(Path file, Object value) throws IOException {
    writeAtomically(file, writePretty(value).getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes} to {@code file} atomically (a sibling temporary file, then a move). */
  public static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** {@code value} as a string-keyed map (empty for null); a non-map is an error. */
  public static Map<String, Object> asMap(Object value) {
    if (value == null) {
      return new LinkedHashMap<>();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("expected a JSON object, got " + kind(value));
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, item) -> copy.put(String.valueOf(key), item));
    return copy;
  }

  /** {@code value} as a list (empty for null); a non-list is an error. */
  public static List<Object> asList(Object value) {
    if (value == null) {
      return new ArrayList<>();
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("expected a JSON array, got " + kind(value));
    }
    return new ArrayList<>(list);
  }

  /** The string at {@code key}, or null when absent or not a string. */
  public static String str(Map<String, ?> map, String key) {
    Object value = map.get(key);
    return value == null ? null : value instanceof String s ? s : String.valueOf(value);
  }

  /** The whole number at {@code key}, or null when absent; a non-integer is an error naming the key. */
  public static Long longOrNull(Map<String, ?> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return number.longValue();
    }
    if (value instanceof String text && text.matches("-?\\d{1,18}")) {
      return Long.parseLong(text);
    }
    throw new IllegalArgumentException("'" + key + "' must be a whole number, got " + kind(value));
  }

  /** The whole number at {@code key}; absent is an error naming the key. */
  public static long requireLong(Map<String, ?> map, String key) {
    Long value = longOrNull(map, key);
    if (value == null) {
      throw new IllegalArgumentException("'" + key + "' is missing");
    }
    return value;
  }

  /** The boolean at {@code key}, or {@code fallback} when absent. */
  public static boolean bool(Map<String, ?> map, String key, boolean fallback) {
    Object value = map.get(key);
    return value instanceof Boolean b ? b : value == null ? fallback : Boolean.parseBoolean(String.valueOf(value));
  }

  /** A short name of the JSON kind of {@code value}, for messages that must not quote it. */
  public static String kind(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    if (value instanceof List<?>) {
      return "an array";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Number) {
      return "a number";
    }
    return value.getClass().getSimpleName();
  }

  /** Throws the unchecked form of {@code e}. */
  public static UncheckedIOException unchecked(IOException e) {
    return new UncheckedIOException(e.getMessage(), e);
  }
}
