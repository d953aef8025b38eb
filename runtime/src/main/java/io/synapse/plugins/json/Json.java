package io.synapse.plugins.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON text to and from the JSON-like value model (maps, lists, strings, numbers, booleans, null).
 * Only untyped binding: user types are never bound reflectively.
 */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  private Json() {}

  /**
   * Parses JSON text into JSON-like values; decimals become {@code BigDecimal} so nothing is rounded.
   *
   * @throws IllegalArgumentException with the parser's message (line and column) when malformed
   */
  public static Object parse(String text) {
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage() + locationOf(e), e);
    }
  }

  /** Writes a JSON-like value as compact JSON. */
  public static String write(Object jsonLike) {
    try {
      return MAPPER.writeValueAsString(jsonLike);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON-like value: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes a JSON-like value as indented JSON. */
  public static String writePretty(Object jsonLike) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(jsonLike);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON-like value: " + e.getOriginalMessage(), e);
    }
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }
}
