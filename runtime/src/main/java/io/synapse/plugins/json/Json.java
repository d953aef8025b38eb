package io.synapse.plugins.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text to and from the JSON-like value model (maps, lists, strings, numbers, booleans, null).
 * Only untyped binding: user types are never bound reflectively.
 *
 * <p>Parsing and compact writing of JSON-like values go through Jackson's streaming parser and
 * generator: a short-lived JVM (a job's entrypoint) then never starts Jackson's data binding, whose
 * start-up measured about half of such a JVM's life. The result is the same as the data-binding
 * {@code ObjectMapper} configured below gives (a test compares them): objects as {@code LinkedHashMap},
 * arrays as {@code ArrayList}, whole numbers as {@code Integer}, {@code Long} or {@code BigInteger} by
 * size, decimals as {@code BigDecimal}, duplicate keys, {@code NaN} and trailing tokens refused. Indented
 * output, and values that are not JSON-like, still use the mapper.
 */
public final class Json {
  // Depth beyond which a value is handed to the mapper (which reports what it reports) instead of walked here.
  private static final int MAX_WALK_DEPTH = 1_000;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  private Json() {}

  /** The data-binding mapper, made on first use only. */
  private static final class Mapper {
    static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();
  }

  /**
   * Parses JSON text into JSON-like values; decimals become {@code BigDecimal} so nothing is rounded.
   *
   * @throws IllegalArgumentException with the parser's message (line and column) when malformed
   */
  public static Object parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("argument \"content\" is null");
    }
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IllegalArgumentException("No content to map due to end-of-input" + locationOf(parser));
      }
      Object value = read(parser, first);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        throw new IllegalArgumentException("Trailing token (of type " + trailing + ") found after value" + locationOf(parser));
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage() + locationOf(e), e);
    } catch (IOException e) {
      // Reading from a String fails only through the parser's own checks, which are JsonProcessingExceptions.
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a JSON-like value as compact JSON. */
  public static String write(Object jsonLike) {
    if (!isJsonLike(jsonLike, 0)) {
      try {
        return Mapper.MAPPER.writeValueAsString(jsonLike);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("not a JSON-like value: " + e.getOriginalMessage(), e);
      }
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(generator, jsonLike);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a JSON-like value: " + e.getMessage(), e);
    }
    return out.toString();
  }

  /** Writes a JSON-like value as indented JSON. */
  public static String writePretty(Object jsonLike) {
    try {
      return Mapper.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(jsonLike);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON-like value: " + e.getOriginalMessage(), e);
    }
  }

  // The parser bounds nesting (StreamReadConstraints), so this recursion is bounded too.
  private static Object read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT: {
        Map<String, Object> object = new LinkedHashMap<>();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
          object.put(name, read(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY: {
        List<Object> array = new ArrayList<>();
        for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
          array.add(read(parser, element));
        }
        return array;
      }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDecimalValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalArgumentException("Unexpected token (" + token + ")" + locationOf(parser));
    }
  }

  private static void write(JsonGenerator generator, Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof String text) {
      generator.writeString(text);
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      generator.writeNumber(((Number) value).intValue());
    } else if (value instanceof Long number) {
      generator.writeNumber(number);
    } else if (value instanceof Double number) {
      generator.writeNumber(number);
    } else if (value instanceof Float number) {
      generator.writeNumber(number);
    } else if (value instanceof BigDecimal number) {
      generator.writeNumber(number);
    } else if (value instanceof BigInteger number) {
      generator.writeNumber(number);
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        generator.writeFieldName((String) entry.getKey());
        write(generator, entry.getValue());
      }
      generator.writeEndObject();
    } else {
      generator.writeStartArray();
      for (Object element : (Collection<?>) value) {
        write(generator, element);
      }
      generator.writeEndArray();
    }
  }

  // Whether write(generator, value) covers it; anything else (beans, arrays, non-string keys) goes to the mapper.
  private static boolean isJsonLike(Object value, int depth) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long
        || value instanceof Short || value instanceof Byte || value instanceof Double || value instanceof Float
        || value instanceof BigDecimal || value instanceof BigInteger) {
      return true;
    }
    if (depth >= MAX_WALK_DEPTH) {
      return false;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String) || !isJsonLike(entry.getValue(), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof Collection<?> collection) {
      for (Object element : collection) {
        if (!isJsonLike(element, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private static String locationOf(JsonParser parser) {
    var location = parser.currentLocation();
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
