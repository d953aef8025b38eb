package io.synapse.plugins.processor.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;
import java.util.Map;

/** A {@code @Default} text as the JSON value it stands for. */
public final class DefaultJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private DefaultJson() {}

  /**
   * The default of a component of type {@code type}: the text itself for string-like types (enum
   * constants normalised to their wire value), parsed JSON otherwise.
   *
   * @throws IllegalArgumentException when JSON is expected and the text does not parse
   */
  public static JsonNode parse(FieldType type, String text) {
    if (type.takesDefaultAsText()) {
      if (type.unwrapOptional() instanceof FieldType.EnumType enumType) {
        String constant = constantOf(enumType, text);
        if (constant != null) {
          return TextNode.valueOf(enumType.wireValueOf(constant));
        }
      }
      return TextNode.valueOf(text);
    }
    return json(text);
  }

  /** The constant {@code text} names (by wire value, or by name in any case), or null. */
  public static String constantOf(FieldType.EnumType type, String text) {
    int byWireValue = type.wireValues().indexOf(text);
    if (byWireValue >= 0) {
      return type.constants().get(byWireValue);
    }
    for (String constant : type.constants()) {
      if (constant.equalsIgnoreCase(text.trim())) {
        return constant;
      }
    }
    return null;
  }

  /** The field of {@code record} that the key {@code key} reaches (its wire name or Java name), or null. */
  public static ParamField fieldOf(RecordModel record, String key) {
    for (ParamField field : record.fields()) {
      if (field.wireName().equals(key) || field.name().equals(key)) {
        return field;
      }
    }
    return null;
  }

  /**
   * A default as it looks on the wire: record keys as wire names and enum values as wire values, as a
   * generated writer would write the value the binder reads from it.
   *
   * @param records every record read, by qualified name
   */
  public static JsonNode wireForm(FieldType type, JsonNode value, Map<String, RecordModel> records) {
    FieldType inner = type.unwrapOptional();
    if (inner instanceof FieldType.EnumType enumType && value.isTextual()) {
      String constant = constantOf(enumType, value.asText());
      return constant == null ? value : TextNode.valueOf(enumType.wireValueOf(constant));
    }
    if ((inner instanceof FieldType.ListType || inner instanceof FieldType.SetType) && value.isArray()) {
      FieldType element = inner instanceof FieldType.ListType list ? list.element() : ((FieldType.SetType) inner).element();
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      value.forEach(item -> out.add(wireForm(element, item, records)));
      return out;
    }
    if (inner instanceof FieldType.MapType map && value.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      value.fields().forEachRemaining(entry -> out.set(entry.getKey(), wireForm(map.value(), entry.getValue(), records)));
      return out;
    }
    RecordModel record = inner instanceof FieldType.RecordType recordType ? records.get(recordType.qualifiedName()) : null;
    if (record != null && value.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      value.fields().forEachRemaining(entry -> {
        ParamField field = fieldOf(record, entry.getKey());
        out.set(field == null ? entry.getKey() : field.wireName(),
            field == null ? entry.getValue() : wireForm(field.type(), entry.getValue(), records));
      });
      return out;
    }
    return value;
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
