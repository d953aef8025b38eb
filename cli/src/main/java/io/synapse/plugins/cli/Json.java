package io.synapse.plugins.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.Map;

/**
 * Reads and prints JSON-like values (maps, lists, strings, numbers, booleans) as JSON and YAML.
 * Only trees and plain collections: no user type is ever bound.
 */
final class Json {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

  private Json() {}

  /**
   * Parses JSON text into plain values. The error names where the text breaks, never what it says,
   * since it may hold secrets.
   */
  static Object parseJson(String text, String what) {
    return parse(JSON, text, what, "JSON");
  }

  /** Parses YAML (or JSON) text into plain values. */
  static Object parseYaml(String text, String what) {
    return parse(YAML, text, what, "YAML");
  }

  /** Parses a JSON Schema or other trusted JSON into a tree. */
  static JsonNode tree(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code value} as indented JSON. */
  static String pretty(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write value as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code value} for people: a scalar as is, anything else as YAML. */
  static String human(Object value) {
    if (value == null) {
      return "null";
    }
    if (!(value instanceof Map<?, ?>) && !(value instanceof Iterable<?>)) {
      return String.valueOf(value);
    }
    try {
      return YAML.writeValueAsString(value).stripTrailing();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write value as YAML: " + e.getOriginalMessage(), e);
    }
  }

  private static Object parse(ObjectMapper mapper, String text, String what, String format) {
    try {
      return mapper.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw CliException.usage(what + " is not valid " + format + where);
    }
  }
}
