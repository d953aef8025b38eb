package io.synapse.plugins.processor.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;

/** A {@code @Default} text as the JSON value it stands for. */
public final class DefaultJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private DefaultJson() {}

  /**
   * The default of a component of type {@code type}: the text itself for string-like types (enum names
   * normalised to the constant), parsed JSON otherwise.
   *
   * @throws IllegalArgumentException when JSON is expected and the text does not parse
   */
  public static JsonNode parse(FieldType type, String text) {
    if (type.takesDefaultAsText()) {
      if (type.unwrapOptional() instanceof FieldType.EnumType enumType) {
        for (String constant : enumType.constants()) {
          if (constant.equalsIgnoreCase(text.trim())) {
            return TextNode.valueOf(constant);
          }
        }
      }
      return TextNode.valueOf(text);
    }
    return json(text);
  }

  /**
   * Parses JSON text.
   *
   * @throws IllegalArgumentException with the parser's message when it does not parse
   */
  public static JsonNode json(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("it is empty, not JSON");
      }
      return node;
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      int newline = message.indexOf('\n');
      throw new IllegalArgumentException(
          "it is not valid JSON (" + (newline < 0 ? message : message.substring(0, newline)).toLowerCase(Locale.ROOT) + ")");
    }
  }
}
