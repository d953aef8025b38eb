package io.synapse.plugins.pipeline.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;

/** JSON text columns to and from JSON-like values (maps, lists, strings, numbers, booleans); decimals kept exact. */
final class JsonColumns {
  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private JsonColumns() {}

  /** The JSON text of {@code value}, or null for null. */
  static String write(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON-like value: " + e.getOriginalMessage(), e);
    }
  }

  static Object read(String text) {
    if (text == null) {
      return null;
    }
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the run store holds malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> readMap(String text) {
    Object value = read(text);
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
  }

  @SuppressWarnings("unchecked")
  static List<String> readStrings(String text) {
    Object value = read(text);
    return value instanceof List<?> ? (List<String>) value : List.of();
  }
}
